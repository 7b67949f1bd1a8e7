package org.pinpointcds.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;

/**
 * Moves every date, dateTime and instant in a resource by one amount, so that data written at a scenario's
 * {@code asOf} looks as recent as it did then. The rule is the one in {@code shared/tools/run-scenarios.mjs}: a
 * date-only value moves by whole days (it is read as noon UTC, moved, and cut back to a date); a value with a time
 * moves by the exact amount and is written in UTC; a year or a year-month stays as it is.
 */
final class DateShift {

  private final Duration amount;

  private DateShift(Duration amount) {
    this.amount = amount.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The shift that moves {@code asOf} to {@code now}. */
  static DateShift between(Instant asOf, Instant now) {
    return new DateShift(Duration.between(asOf, now));
  }

  Duration amount() {
    return amount;
  }

  /** Shifts the resource in place, contained resources and extensions included. */
  void apply(FhirContext fhirContext, IBaseResource resource) {
    FhirTerser terser = fhirContext.newTerser();
    for (BaseDateTimeType value : terser.getAllPopulatedChildElementsOfType(resource, BaseDateTimeType.class)) {
      if (value.getValue() != null) {
        value.setValueAsString(shift(value));
      }
    }
  }

  private String shift(BaseDateTimeType value) {
    TemporalPrecisionEnum precision = value.getPrecision();
    if (precision.compareTo(TemporalPrecisionEnum.DAY) < 0) {
      return value.getValueAsString();
    }
    if (precision == TemporalPrecisionEnum.DAY) {
      LocalDate date = LocalDate.parse(value.getValueAsString());
      Instant noon = date.atTime(12, 0).toInstant(ZoneOffset.UTC).plus(amount);
      return LocalDate.ofInstant(noon, ZoneOffset.UTC).toString();
    }
    // Instant.toString() writes UTC with seconds, and milliseconds only when there are any, as the script does.
    return value.getValue().toInstant().plus(amount).truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
