package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row "dermatology-referral" (info): a blanching lesion with no non-blanching finding, referred routinely. */
class BlanchingLesionRuleTests {

  @Test
  void routineReferralForACherryAngioma() {
    assertRoutineReferral(Patients.adultWithCherryAngioma());
  }

  @Test
  void routineReferralForATelangiectasia() {
    assertRoutineReferral(Patients.adult().with(Findings.telangiectasia()));
  }

  @Test
  void routineReferralForARedLesionThatBlanchesUnderGlass() {
    assertRoutineReferral(Patients.adult().with(Findings.redSkinLesion().blanches(true)));
  }

  @Test
  void aRedLesionThatDoesNotBlanchIsANonBlanchingRash() {
    assertThat(Patients.adult().with(Findings.redSkinLesion().blanches(false)).outcome())
        .contains(Outcome.SAME_DAY_CBC);
  }

  @Test
  void noRoutineReferralBesidePetechiae() {
    Assessment assessment = Patients.wellAdultAfterVomiting().with(Findings.cherryAngioma()).assess();
    assertThat(Assessments.outcomes(assessment)).containsExactly(Outcome.WATCHFUL_WAITING);
  }

  private static void assertRoutineReferral(Patients.Builder patient) {
    Concern concern = Assessments.only(patient.assess());
    assertThat(concern.outcome()).isEqualTo(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
    assertThat(concern.reasons()).extracting(Reason::kind).containsExactly(ReasonKind.BLANCHING_LESION);
    assertThat(concern.orders())
        .containsExactly(new SuggestedOrder(OrderKind.DERMATOLOGY_REFERRAL, OrderPriority.ROUTINE));
  }
}
