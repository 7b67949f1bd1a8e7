package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row "dermatology-referral" (warning): any lesion feature raises skin-cancer concern, blanching or not. */
class SuspiciousLesionRuleTests {

  @ParameterizedTest(name = "{0}")
  @EnumSource(LesionFeature.class)
  void urgentReferralForEachLesionFeature(LesionFeature feature) {
    Concern concern = Assessments.only(Patients.adult().with(Findings.redSkinLesion().feature(feature)).assess());
    assertThat(concern.outcome()).isEqualTo(Outcome.URGENT_DERMATOLOGY_REFERRAL);
    assertThat(concern.orders())
        .containsExactly(new SuggestedOrder(OrderKind.DERMATOLOGY_REFERRAL, OrderPriority.URGENT));
  }

  @Test
  void aBlanchingLesionWithAFeatureGetsOneUrgentReferralNotTwo() {
    Assessment assessment =
        Patients.adult().with(Findings.cherryAngioma().feature(LesionFeature.BLEEDS_EASILY)).assess();
    assertThat(Assessments.outcomes(assessment)).containsExactly(Outcome.URGENT_DERMATOLOGY_REFERRAL);
  }

  @Test
  void aSuspiciousLesionBesidePetechiaeIsASecondCard() {
    Assessment assessment = Patients.adultWithUnexplainedPetechiae()
        .with(Findings.redSkinLesion().feature(LesionFeature.SCALY)).assess();
    assertThat(Assessments.outcomes(assessment))
        .containsExactly(Outcome.SAME_DAY_CBC, Outcome.URGENT_DERMATOLOGY_REFERRAL);
  }

  @Test
  void anUrgentReferralComesBeforeWatchfulWaiting() {
    Assessment assessment = Patients.wellAdultAfterVomiting()
        .with(Findings.redSkinLesion().feature(LesionFeature.RAPIDLY_ENLARGING)).assess();
    assertThat(Assessments.outcomes(assessment))
        .containsExactly(Outcome.URGENT_DERMATOLOGY_REFERRAL, Outcome.WATCHFUL_WAITING);
  }
}
