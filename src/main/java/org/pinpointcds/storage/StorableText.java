package org.pinpointcds.storage;

import java.util.OptionalInt;

/**
 * Text from callers on its way into the database. PostgreSQL refuses a NUL in a text column, and a control
 * character in a stored value garbles every report and log it is later read into: text that is the caller's
 * statement (feedback) is refused where it holds one, text that only records a call (the audit trail's patient
 * id, a hook instance) is kept with each control character escaped, so that the record of the call is not lost.
 */
public final class StorableText {

  private StorableText() {}

  /** The index of the first control character, line breaks and tabs included; empty when there is none. */
  public static OptionalInt firstControlCharacter(String text) {
    return firstControlCharacter(text, false);
  }

  /** As {@link #firstControlCharacter(String)}, except that tab, line feed and carriage return pass: free text. */
  public static OptionalInt firstControlCharacterInFreeText(String text) {
    return firstControlCharacter(text, true);
  }

  /** {@code text} with each control character written as JSON escapes it (a backslash, u, four hex digits); null stays null. */
  public static String escaped(String text) {
    if (text == null || firstControlCharacter(text).isEmpty()) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    text.chars().forEach(c -> {
      if (Character.isISOControl(c)) {
        escaped.append(String.format("\\u%04x", c));
      } else {
        escaped.append((char) c);
      }
    });
    return escaped.toString();
  }

  private static OptionalInt firstControlCharacter(String text, boolean lineBreaksPass) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && !(lineBreaksPass && (c == '\t' || c == '\n' || c == '\r'))) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }
}
