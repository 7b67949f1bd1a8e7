package org.pinpointcds.data;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.pinpointcds.triage.When;

/** Turns FHIR dates into instants and periods, independent of the JVM's time zone; {@link DateFields} says which. */
final class FhirDates {

  private FhirDates() {}

  /**
   * A dateTime as the instant it names; a date without a time (or a year, or a month) as the whole period it names
   * in the site's time zone (contract 5.1).
   */
  static Optional<When> when(BaseDateTimeType value, ZoneId zone) {
    if (value == null || value.isEmpty() || value.getValue() == null) {
      return Optional.empty();
    }
    TemporalPrecisionEnum precision = value.getPrecision();
    if (precision.compareTo(TemporalPrecisionEnum.DAY) > 0) {
      return Optional.of(When.at(value.getValue().toInstant()));
    }
    LocalDate start = localDate(value).orElseThrow();
    LocalDate end = switch (precision) {
      case YEAR -> start.plusYears(1);
      case MONTH -> start.plusMonths(1);
      default -> start.plusDays(1);
    };
    return Optional.of(When.period(value.getValueAsString(), start.atStartOfDay(zone).toInstant(),
        end.atStartOfDay(zone).toInstant()));
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
}
