package org.pinpointcds.triage;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.wellAdultAfterVomiting;

import org.junit.jupiter.api.Test;

/** Row "emergency-evaluation": the latest platelet count is below 20 x10^9/L. */
class CriticalPlateletsRuleTests {

  @Test
  void emergencyWhenPlateletsJustBelow20() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(19.9, ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(patient.reasons()).contains(ReasonKind.CRITICAL_PLATELETS);
  }

  @Test
  void sameDayWhenPlateletsAt20() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(20, ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).doesNotContain(ReasonKind.CRITICAL_PLATELETS);
  }

  @Test
  void onlyTheLatestCountCounts() {
    Patients.Builder recovered = wellAdultAfterVomiting().platelets(8, ofDays(5)).platelets(210, ofHours(3));
    assertThat(recovered.outcome()).contains(Outcome.WATCHFUL_WAITING);
  }

  @Test
  void aCriticalLatestCountCountsHoweverNormalTheOlderOnes() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(260, ofDays(3)).platelets(12, ofHours(2));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
  }

  @Test
  void ofTwoCountsTakenTogetherTheLowerCounts() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(210, ofHours(2)).platelets(15, ofHours(2));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
  }

  @Test
  void cardNamesTheCountAsNormalisedAndAsRecorded() {
    Assessment assessment = wellAdultAfterVomiting().platelets(12, ofHours(2)).assess();
    assertThat(Assessments.evidence(Assessments.only(assessment)))
        .contains("platelet count 12 x10^9/L (recorded as 12 10*3/uL) (Observation/plt-1, 2026-11-20 07:00 UTC)");
  }

  /** Contract 5.3: a comparator makes a range, read as the most urgent band it allows. */
  @Test
  void anUpperBoundIsCriticalWhateverItsValue() {
    assertThat(wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_MOST, 20, ofHours(1)).outcome())
        .contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_MOST, 500, ofHours(1)).reasons())
        .contains(ReasonKind.CRITICAL_PLATELETS);
  }

  @Test
  void theCardSaysHowTheCountWasReported() {
    Assessment assessment = wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_MOST, 20, ofHours(2)).assess();
    assertThat(Assessments.evidence(Assessments.only(assessment))).contains("reported as <20 x10^9/L");
  }
}
