package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loader's date shift gives what {@code shared/tools/run-scenarios.mjs} gives (expected values from it). */
class DateShiftTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String AS_OF = "2026-11-20T09:00:00Z";

  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    // now                  value                          shifted
    "2026-12-01T10:30:00Z, 2026-11-20T08:00:00Z,          2026-12-01T09:30:00Z",
    "2026-12-01T10:30:00Z, 2026-11-20T10:00:00+02:00,     2026-12-01T09:30:00Z",
    "2026-12-01T10:30:00Z, 2026-11-20T08:00:00.250Z,      2026-12-01T09:30:00.250Z",
    "2026-12-01T10:30:00Z, 1979-04-12,                    1979-04-23",
    "2026-12-01T10:30:00Z, 2026-11,                       2026-11",
    "2026-11-20T23:00:00Z, 2026-11-20,                    2026-11-21", // noon + 14 h is the next day
    "2026-11-20T23:00:00Z, 2026-11-20T08:00:00Z,          2026-11-20T22:00:00Z",
    "2026-11-10T09:00:00Z, 2026-11-20,                    2026-11-10", // backwards works too
    "2026-11-10T09:00:00Z, 2026-03-29T01:30:00+01:00,     2026-03-19T00:30:00Z"
  })
  void shiftsLikeTheScenarioRunner(String now, String value, String shifted) {
    MedicationStatement statement = new MedicationStatement();
    statement.setEffective(new DateTimeType(value));

    DateShift.between(Instant.parse(AS_OF), Instant.parse(now)).apply(FHIR, statement);

    assertThat(statement.getEffectiveDateTimeType().getValueAsString()).isEqualTo(shifted);
  }

  @Test
  void shiftsDatesInEveryPlaceOfAResource() {
    Patient patient = new Patient();
    patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1979-04-12"));
    patient.getMeta().setLastUpdatedElement(new InstantType("2026-11-20T07:00:00Z"));
    patient.addExtension(new Extension("https://example.org/seen", new DateTimeType("2026-11-19T09:00:00Z")));
    MedicationStatement statement = new MedicationStatement();
    Medication contained = new Medication();
    contained.setId("med");
    contained.getBatch().setExpirationDateElement(new DateTimeType("2027-01-01T00:00:00Z"));
    statement.addContained(contained);
    statement.setMedication(new Reference("#med"));
    statement.setEffective(new Period().setStartElement(new DateTimeType("2026-10-21T09:00:00Z")));

    DateShift shift = DateShift.between(Instant.parse(AS_OF), Instant.parse("2026-11-30T09:00:00Z"));
    shift.apply(FHIR, patient);
    shift.apply(FHIR, statement);

    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1979-04-22");
    assertThat(patient.getMeta().getLastUpdatedElement().getValueAsString()).isEqualTo("2026-11-30T07:00:00Z");
    assertThat(((DateTimeType) patient.getExtensionByUrl("https://example.org/seen").getValue()).getValueAsString())
        .isEqualTo("2026-11-29T09:00:00Z");
    assertThat(statement.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2026-10-31T09:00:00Z");
    assertThat(((Medication) statement.getContained().get(0)).getBatch().getExpirationDateElement().getValueAsString())
        .isEqualTo("2027-01-11T00:00:00Z");
  }
}
