package org.pinpointcds.data;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Reads FHIR dates off the JSON tree, the way {@link FhirDates} reads them off a HAPI model, to choose resources
 * before any is parsed: the fields a reader takes, in its order, from the same {@link DateFields}. A date without a
 * time is a period in the site's time zone there; here, zone-free, it starts at its first moment in UTC and may end
 * as late as its last moment in the zone furthest west. Only the exact forms of FHIR's {@code date},
 * {@code dateTime} and {@code instant} are read: anything else is {@link #UNREADABLE}, and the resource is kept for
 * HAPI to judge. Hand-written because Pinpoint dates every resource of a long stay here, thousands a call.
 */
final class TreeDates {

  /** A date present but not read here: later than any look-back, so its resource is always kept. */
  static final Instant UNREADABLE = Instant.MAX;
  /** The largest offset of any zone from UTC (+14:00): how far a site's zone can move a day's start or end. */
  static final Duration WIDEST_OFFSET = Duration.ofHours(14);

  private TreeDates() {}

  /** The value at {@code field}: empty when absent, {@link #UNREADABLE} when present but not a FHIR date. */
  private static Optional<Instant> at(JsonNode resource, JsonPointer field) {
    JsonNode value = resource.at(field);
    return value.isMissingNode() ? Optional.empty() : Optional.of(value.isTextual() ? parse(value.asText()) : UNREADABLE);
  }

  /** The first of {@code fields} that is present, as {@link DateFields#first} takes it. */
  static Optional<Instant> first(JsonNode resource, DateFields<?> fields) {
    for (JsonPointer field : fields.pointers()) {
      Optional<Instant> at = at(resource, field);
      if (at.isPresent()) {
        return at;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a reader could date the resource at or after {@code cutoff}: some of {@code fields} is, or is
   * unreadable, or none is present (the reader then says why it is not dated). Whichever field a reader takes
   * first, a resource this says no to is older than the cutoff.
   */
  static boolean mayBeFrom(JsonNode resource, Instant cutoff, DateFields<?> fields) {
    boolean dated = false;
    for (JsonPointer field : fields.pointers()) {
      Optional<Instant> at = latest(resource.at(field));
      if (at.isPresent() && !at.get().isBefore(cutoff)) {
        return true;
      }
      dated |= at.isPresent();
    }
    return !dated;
  }

  /**
   * The latest instant the value may name: a date without a time ends as late as the end of its year, month or day
   * in any zone (contract 5.1). Empty when absent, {@link #UNREADABLE} when present but not a FHIR date.
   */
  private static Optional<Instant> latest(JsonNode value) {
    if (value.isMissingNode()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      return Optional.of(UNREADABLE);
    }
    String text = value.asText();
    Instant first = parse(text);
    if (first.equals(UNREADABLE) || text.length() > 10) {
      return Optional.of(first);
    }
    ZonedDateTime start = first.atZone(ZoneOffset.UTC);
    ZonedDateTime end = switch (text.length()) {
      case 4 -> start.plusYears(1);
      case 7 -> start.plusMonths(1);
      default -> start.plusDays(1);
    };
    return Optional.of(end.toInstant().plus(WIDEST_OFFSET));
  }

  /** {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} or {@code YYYY-MM-DDThh:mm:ss[.f+](Z|+hh:mm|-hh:mm)}. */
  static Instant parse(String text) {
    try {
      int length = text.length();
      int year = digits(text, 0, 4);
      int month = length > 4 ? digits(text, 5, 2, '-') : 1;
      int day = length > 7 ? digits(text, 8, 2, '-') : 1;
      long epochDay = LocalDate.of(year, month, day).toEpochDay();
      if (length == 4 || length == 7 || length == 10) {
        return Instant.ofEpochSecond(epochDay * 86_400);
      }
      if (length < 20 || text.charAt(10) != 'T') {
        return UNREADABLE;
      }
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2, ':');
      int second = digits(text, 17, 2, ':');
      int zone = 19;
      int nanos = 0;
      if (text.charAt(zone) == '.') {
        int end = zone + 1;
        while (end < length && Character.isDigit(text.charAt(end))) {
          end++;
        }
        if (end == zone + 1 || end - zone - 1 > 9) {
          return UNREADABLE;
        }
        nanos = Integer.parseInt((text.substring(zone + 1, end) + "000000000").substring(0, 9));
        zone = end;
      }
      if (hour > 23 || minute > 59 || second > 59) {
        return UNREADABLE;
      }
      long offsetSeconds = offsetSeconds(text, zone);
      if (offsetSeconds == Long.MIN_VALUE) {
        return UNREADABLE;
      }
      return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
      return UNREADABLE;
    }
  }

  /** The zone at {@code at} in seconds east of UTC; {@code Long.MIN_VALUE} when there is none or more follows. */
  private static long offsetSeconds(String text, int at) {
    if (text.length() == at + 1 && text.charAt(at) == 'Z') {
      return 0;
    }
    if (text.length() != at + 6 || text.charAt(at + 3) != ':' || (text.charAt(at) != '+' && text.charAt(at) != '-')) {
      return Long.MIN_VALUE;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if (hours > 14 || minutes > 59) {
      return Long.MIN_VALUE;
    }
    return (text.charAt(at) == '-' ? -1 : 1) * (hours * 3_600L + minutes * 60L);
  }

  /** The number written in {@code count} digits from {@code start}, which must follow {@code separator}. */
  private static int digits(String text, int start, int count, char separator) {
    if (text.charAt(start - 1) != separator) {
      throw new NumberFormatException("no " + separator + " before position " + start);
    }
    return digits(text, start, count);
  }

  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new NumberFormatException("not a digit at " + i);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
