package org.pinpointcds.triage;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.adultWithCherryAngioma;
import static org.pinpointcds.triage.Patients.wellAdultAfterVomiting;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Row "emergency-evaluation", fever: 38.0 °C in the last 24 h, a fever symptom, or a fever Condition from 72 h. */
class FeverRuleTests {

  @Nested
  class MeasuredTemperature {

    @Test
    void emergencyWhenTemperatureAtThreshold() {
      assertEmergency(wellAdultAfterVomiting().temperature(38.0, ofHours(2)));
    }

    @Test
    void emergencyWhenTemperatureJustAboveThreshold() {
      assertEmergency(wellAdultAfterVomiting().temperature(38.1, ofHours(2)));
    }

    @Test
    void watchfulWaitingWhenTemperatureJustBelowThreshold() {
      assertThat(wellAdultAfterVomiting().temperature(37.9, ofHours(2)).outcome()).contains(Outcome.WATCHFUL_WAITING);
    }

    @Test
    void emergencyWhenFeverMeasuredExactly24HoursAgo() {
      assertEmergency(wellAdultAfterVomiting().temperature(39.0, ofHours(24)));
    }

    @Test
    void emergencyWhenFeverMeasuredJustInside24Hours() {
      assertEmergency(wellAdultAfterVomiting().temperature(39.0, ofHours(24).minus(ofSeconds(1))));
    }

    @Test
    void feverMeasuredJustOver24HoursAgoDoesNotCount() {
      Patients.Builder patient = wellAdultAfterVomiting().temperature(39.0, ofHours(24).plus(ofSeconds(1)));
      assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
      assertThat(patient.reasons()).doesNotContain(ReasonKind.FEVER);
    }

    @Test
    void cardNamesTheTemperatureItsSourceAndWhenItWasMeasured() {
      Assessment assessment = wellAdultAfterVomiting().temperature(38.6, ofHours(2)).assess();
      assertThat(Assessments.evidence(Assessments.only(assessment)))
          .contains("temperature 38.6 °C (Observation/temp-1, 2026-11-20 07:00 UTC)");
    }
  }

  @Nested
  class ReportedFever {

    @Test
    void emergencyWhenFeverIsReportedWithTheSpots() {
      assertEmergency(wellAdultAfterVomiting().changeFindings(f -> f.symptom(Symptom.FEVER)));
    }
  }

  @Nested
  class FeverCondition {

    @Test
    void emergencyWhenFeverConditionIsExactly72HoursOld() {
      assertEmergency(wellAdultAfterVomiting().condition(ConditionKind.FEVER, ofHours(72)));
    }

    @Test
    void emergencyWhenFeverConditionIsJustInside72Hours() {
      assertEmergency(wellAdultAfterVomiting().condition(ConditionKind.FEVER, ofHours(72).minus(ofSeconds(1))));
    }

    @Test
    void feverConditionJustOver72HoursOldDoesNotCount() {
      Patients.Builder patient = wellAdultAfterVomiting().condition(ConditionKind.FEVER, ofHours(72).plus(ofSeconds(1)));
      assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    }
  }

  @Nested
  class OnlyWithANonBlanchingRash {

    @Test
    void feverBesideABlanchingLesionAloneIsNoEmergency() {
      assertThat(adultWithCherryAngioma().temperature(39.5, ofHours(1)).outcome())
          .contains(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
    }

    @Test
    void feverWithoutAnySkinFindingMakesNoCard() {
      assertThat(Patients.adult().temperature(39.5, ofHours(1)).condition(ConditionKind.FEVER, Duration.ZERO).outcome())
          .isEmpty();
    }
  }

  private static void assertEmergency(Patients.Builder patient) {
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(patient.reasons()).contains(ReasonKind.FEVER);
  }

  /** Contract 5.1: a date without a time stands for the whole day. */
  @Nested
  class DateOnly {

    @Test
    void aFeverDatedOnlyByYesterdaysDateIsInsideThe24HourLookBack() {
      Patients.Builder patient = Patients.wellAdultAfterVomiting().temperatureOnDay(38.4, 1);
      assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
      assertThat(Assessments.evidence(Assessments.only(patient.assess()))).contains("2026-11-19)");
    }

    @Test
    void aFeverDatedTwoDaysAgoIsNot() {
      assertThat(Patients.wellAdultAfterVomiting().temperatureOnDay(38.4, 2).outcome())
          .contains(Outcome.WATCHFUL_WAITING);
    }
  }
}
