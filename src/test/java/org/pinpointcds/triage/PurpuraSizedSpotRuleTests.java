package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row "same-day-cbc": a purpura-sized non-blanching spot (2 mm or more), or a finding coded as purpura. */
class PurpuraSizedSpotRuleTests {

  @Test
  void sameDayWhenLargestSpotIs2Millimetres() {
    assertSameDay(Patients.wellAdultAfterVomiting().changeFindings(f -> f.maxDiameterMm(2.0)));
  }

  @Test
  void sameDayWhenLargestSpotIsJustOver2Millimetres() {
    assertSameDay(Patients.wellAdultAfterVomiting().changeFindings(f -> f.maxDiameterMm(2.1)));
  }

  @Test
  void watchfulWaitingWhenLargestSpotIsJustUnder2Millimetres() {
    assertThat(Patients.wellAdultAfterVomiting().changeFindings(f -> f.maxDiameterMm(1.9)).outcome())
        .contains(Outcome.WATCHFUL_WAITING);
  }

  @Test
  void sameDayForAFindingCodedAsPurpuraEvenWithACause() {
    assertSameDay(Patients.adult().with(Findings.purpura().trigger(MechanicalTrigger.TRAUMA)));
  }

  @Test
  void aLargeBlanchingLesionIsNotPurpura() {
    assertThat(Patients.adult().with(Findings.cherryAngioma().maxDiameterMm(4)).outcome())
        .contains(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
  }

  private static void assertSameDay(Patients.Builder patient) {
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.PURPURA_SIZED_SPOT);
  }
}
