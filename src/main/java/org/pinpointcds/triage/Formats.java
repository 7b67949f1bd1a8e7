package org.pinpointcds.triage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How dates, look-backs and numbers are written wherever Pinpoint shows them (cards, rule statements, the diagnostics
 * report): one statement of each format.
 */
public final class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  public static String when(Instant instant) {
    return WHEN.format(instant);
  }

  /** An instant as {@link #when(Instant)}; a date without a time as written (contract 5.1). */
  public static String when(When when) {
    return when.period().orElseGet(() -> when(when.first()));
  }

  /** A look-back as configured: whole days as P14D, else ISO-8601 (PT24H). */
  public static String duration(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 && !duration.isZero() ? "P" + duration.toDays() + "D" : duration.toString();
  }

  /** A number without trailing zeros: 38.6, 20, 101.2. */
  public static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A code as words: {@code gum-bleeding} is "gum bleeding". */
  public static String label(String code) {
    return code.replace('-', ' ');
  }
}
