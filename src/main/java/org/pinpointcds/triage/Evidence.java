package org.pinpointcds.triage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats the data behind a reason the same way on every card. */
public final class Evidence {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Evidence() {}

  static String when(Instant instant) {
    return WHEN.format(instant);
  }

  /** An instant as {@link #when(Instant)}; a date without a time as written (contract 5.1). */
  public static String when(When when) {
    return when.period().orElseGet(() -> when(when.first()));
  }

  /** A look-back as configured: whole days as P14D, else ISO-8601 (PT24H). */
  static String duration(java.time.Duration duration) {
    return duration.toSeconds() % 86_400 == 0 && !duration.isZero() ? "P" + duration.toDays() + "D" : duration.toString();
  }

  /** A number without trailing zeros: 38.6, 20, 101.2. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** "what (reference, date)" */
  public static String of(String what, String reference, When at) {
    return what + " (" + reference + ", " + when(at) + ")";
  }

  public static String label(Coded coded) {
    return coded.code().replace('-', ' ');
  }
}
