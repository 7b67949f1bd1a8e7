package org.pinpointcds.security;

/** Values from a token are the caller's text: cut short and stripped of line breaks before they are logged. */
final class LogText {

  private static final int MAX_LOGGED_LENGTH = 120;

  private LogText() {}

  static String loggable(String value) {
    if (value == null) {
      return "-";
    }
    String flat = value.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > MAX_LOGGED_LENGTH ? flat.substring(0, MAX_LOGGED_LENGTH) + "..." : flat;
  }
}
