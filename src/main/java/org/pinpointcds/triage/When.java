package org.pinpointcds.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When something happened: an instant, or for a date without a time the whole period it names (contract 5.1).
 *
 * @param first the instant readings are ordered by (a period's first instant)
 * @param last the instant held against a look-back (a period's last instant), so a period is inside a look-back when
 *     any instant of it is
 * @param period the date as written ({@code 2026-11-19}, {@code 2026-11}, {@code 2026}) when it names a period
 */
public record When(Instant first, Instant last, Optional<String> period) {

  public When {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("a period cannot end (" + last + ") before it starts (" + first + ")");
    }
  }

  public static When at(Instant instant) {
    return new When(instant, instant, Optional.empty());
  }

  /** The date {@code written}, from its first instant up to (not including) {@code end}. */
  public static When period(String written, Instant start, Instant end) {
    return new When(start, end.minusNanos(1), Optional.of(written));
  }

  /** Not older than the look-back from {@code now}; later dates (clock skew, planned times) count as recent. */
  public boolean within(Instant now, Duration lookback) {
    return !last.isBefore(now.minus(lookback));
  }
}
