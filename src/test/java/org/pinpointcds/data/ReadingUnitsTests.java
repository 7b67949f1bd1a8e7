package org.pinpointcds.data;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.pinpointcds.data.DataLayer.ago;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.triage.Assessments;
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.PatientSnapshot;

/** Every unit path of contract section 3: platelet counts to x10^9/L, temperatures to °C, spot sizes to mm. */
class ReadingUnitsTests {

  @Nested
  class PlateletCounts {

    @ParameterizedTest(name = "{1} {0} = {2} x10^9/L")
    @CsvSource({"10*9/L, 95, 95", "10*3/uL, 95, 95", "10*3/mm3, 95, 95", "/uL, 95000, 95", "/mm3, 95000, 95"})
    void readsUcumUnits(String ucum, double value, double perNanolitre) {
      assertThat(plateletCount(Fhir.plateletCount("plt-1", value, ucum, ago(ofHours(1))))).isEqualTo(perNanolitre);
    }

    @ParameterizedTest(name = "{1} {0} = {1} x10^9/L")
    @CsvSource({"K/uL, 95", "x10E3/uL, 95", "10^9/L, 95"})
    void readsCommonDisplayUnits(String unit, double value) {
      assertThat(plateletCount(Fhir.plateletCountWithDisplayUnit("plt-1", value, unit, ago(ofHours(1))))).isEqualTo(value);
    }

    @Test
    void aCountInAnUnknownUnitIsNotGuessedAt() {
      PatientSnapshot snapshot = DataLayer.snapshot(HookRequest.forAdult()
          .add("plateletCounts", Fhir.plateletCount("plt-1", 95, "mg/dL", ago(ofHours(1)))));
      assertThat(snapshot.plateletCounts()).isEmpty();
    }

    @Test
    void twentyThousandPerMicrolitreIsNotCritical() {
      assertThat(outcomeWithPlatelets(20000, "/uL")).contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void justUnderTwentyThousandPerCubicMillimetreIsCritical() {
      assertThat(outcomeWithPlatelets(19999, "/mm3")).contains(Outcome.EMERGENCY_EVALUATION);
    }

    private double plateletCount(ObjectNode observation) {
      PatientSnapshot snapshot = DataLayer.snapshot(HookRequest.forAdult().add("plateletCounts", observation));
      assertThat(snapshot.plateletCounts()).hasSize(1);
      return snapshot.plateletCounts().get(0).perNanolitre();
    }

    private Optional<Outcome> outcomeWithPlatelets(double value, String ucum) {
      return Assessments.mostUrgent(DataLayer.assess(mechanicalPetechiae()
          .add("plateletCounts", Fhir.plateletCount("plt-1", value, ucum, ago(ofHours(1))))));
    }
  }

  @Nested
  class Temperatures {

    @Test
    void readsCelsius() {
      assertThat(temperature(38.0, "Cel")).isEqualTo(38.0);
    }

    @Test
    void readsFahrenheit() {
      assertThat(temperature(100.4, "[degF]")).isCloseTo(38.0, offset(1e-9));
    }

    @Test
    void feverAt100Point4FahrenheitIsAnEmergency() {
      assertThat(outcomeWithTemperature(100.4, "[degF]")).contains(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void at100Point3FahrenheitThereIsNoFever() {
      assertThat(outcomeWithTemperature(100.3, "[degF]")).contains(Outcome.WATCHFUL_WAITING);
    }

    private double temperature(double value, String ucum) {
      PatientSnapshot snapshot = DataLayer.snapshot(HookRequest.forAdult()
          .add("temperatures", Fhir.temperature("temp-1", value, ucum, ago(ofHours(1)))));
      assertThat(snapshot.temperatures()).hasSize(1);
      return snapshot.temperatures().get(0).celsius();
    }

    private Optional<Outcome> outcomeWithTemperature(double value, String ucum) {
      return Assessments.mostUrgent(DataLayer.assess(mechanicalPetechiae()
          .add("temperatures", Fhir.temperature("temp-1", value, ucum, ago(ofHours(1))))));
    }
  }

  @Nested
  class SpotSizes {

    @Test
    void readsMillimetres() {
      assertThat(outcomeWithLargestSpot(2, "mm")).contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void readsCentimetres() {
      assertThat(outcomeWithLargestSpot(0.2, "cm")).contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void justUnderTwoMillimetresInCentimetresIsNotPurpura() {
      assertThat(outcomeWithLargestSpot(0.19, "cm")).contains(Outcome.WATCHFUL_WAITING);
    }

    private Optional<Outcome> outcomeWithLargestSpot(double value, String ucum) {
      return Assessments.mostUrgent(DataLayer.assess(HookRequest.forAdult().add("skinFindings",
          Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).trigger("coughing").maxDiameter(value, ucum))));
    }
  }

  /** Localised petechiae after coughing: watchful waiting unless a unit-bearing value says otherwise. */
  static HookRequest mechanicalPetechiae() {
    return HookRequest.forAdult().add("skinFindings",
        Fhir.skinFinding("skin-1", "petechiae", ago(ofHours(1))).extent("localized").trigger("coughing"));
  }
}
