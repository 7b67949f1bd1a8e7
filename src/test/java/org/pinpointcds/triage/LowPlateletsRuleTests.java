package org.pinpointcds.triage;

import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.wellAdultAfterVomiting;

import org.junit.jupiter.api.Test;

/** Row "same-day-cbc": the latest platelet count is 20 to below 150 x10^9/L. */
class LowPlateletsRuleTests {

  @Test
  void sameDayWhenPlateletsAt20() {
    assertSameDayForLowPlatelets(20);
  }

  @Test
  void sameDayWhenPlateletsJustBelow150() {
    assertSameDayForLowPlatelets(149.9);
  }

  @Test
  void watchfulWaitingWhenPlateletsAt150() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(150, ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    assertThat(patient.reasons()).doesNotContain(ReasonKind.LOW_PLATELETS);
  }

  @Test
  void watchfulWaitingWhenPlateletsJustAbove150() {
    assertThat(wellAdultAfterVomiting().platelets(150.1, ofHours(1)).outcome()).contains(Outcome.WATCHFUL_WAITING);
  }

  private static void assertSameDayForLowPlatelets(double count) {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(count, ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.LOW_PLATELETS).doesNotContain(ReasonKind.CRITICAL_PLATELETS);
  }

  /** Contract 5.3: a lower bound may be as low as its value. */
  @Test
  void aLowerBoundBelow150IsLow() {
    Patients.Builder patient = wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_LEAST, 100, ofHours(1));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.LOW_PLATELETS);
  }

  @Test
  void aLowerBoundAt150IsNormal() {
    assertThat(wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_LEAST, 150, ofHours(1)).outcome())
        .contains(Outcome.WATCHFUL_WAITING);
  }

  @Test
  void aLowerBoundBelow20MayBeCritical() {
    assertThat(wellAdultAfterVomiting().platelets(PlateletCount.Bound.AT_LEAST, 10, ofHours(1)).outcome())
        .contains(Outcome.EMERGENCY_EVALUATION);
  }
}
