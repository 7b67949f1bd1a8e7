package org.pinpointcds.data;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/** Turns FHIR dates into instants, independent of the JVM's time zone. */
final class FhirDates {

  private FhirDates() {}

  /** A date without a time (or a year, or a month) is read as its first moment in UTC. */
  static Optional<Instant> instant(BaseDateTimeType value) {
    if (value == null || value.isEmpty() || value.getValue() == null) {
      return Optional.empty();
    }
    if (value.getPrecision().compareTo(TemporalPrecisionEnum.DAY) <= 0) {
      return localDate(value).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    return Optional.of(value.getValue().toInstant());
  }

  /** The calendar date as written (a partial date is read as its first day). */
  static Optional<LocalDate> localDate(BaseDateTimeType value) {
    if (value == null || value.isEmpty() || value.getValue() == null) {
      return Optional.empty();
    }
    return Optional.of(LocalDate.of(
        value.getYear(),
        value.getPrecision().compareTo(TemporalPrecisionEnum.MONTH) >= 0 ? value.getMonth() + 1 : 1,
        value.getPrecision().compareTo(TemporalPrecisionEnum.DAY) >= 0 ? value.getDay() : 1));
  }

  /** The first of the values that is present. A loop: every dated resource of a call comes through here. */
  @SafeVarargs
  static Optional<Instant> first(Optional<Instant>... candidates) {
    for (Optional<Instant> candidate : candidates) {
      if (candidate.isPresent()) {
        return candidate;
      }
    }
    return Optional.empty();
  }
}
