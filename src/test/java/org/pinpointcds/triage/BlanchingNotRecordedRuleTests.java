package org.pinpointcds.triage;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.adult;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Row "check-blanching" (contract v2 sections 4 and 5.4): a red lesion whose blanching is not recorded, and none of
 * the emergency or same-day rules fire.
 */
class BlanchingNotRecordedRuleTests {

  @Test
  void redSpotsWithNoGlassTestAndNothingElseAskForTheGlassTest() {
    Patients.Builder patient = adult().with(Findings.redSkinLesion().extent(Extent.LOCALIZED))
        .temperature(36.8, ofHours(1)).platelets(240, ofDays(2));
    assertThat(patient.outcome()).contains(Outcome.CHECK_BLANCHING);
    assertThat(patient.reasons()).contains(ReasonKind.BLANCHING_NOT_RECORDED)
        .doesNotContain(ReasonKind.NO_MECHANICAL_TRIGGER);
  }

  @Test
  void aDocumentedMechanicalCauseStillAsksForTheGlassTest() {
    Patients.Builder patient = adult().with(Findings.redSkinLesion().trigger(MechanicalTrigger.COUGHING));
    assertThat(patient.outcome()).contains(Outcome.CHECK_BLANCHING);
    assertThat(patient.reasons()).contains(ReasonKind.MECHANICAL_TRIGGER);
  }

  @Test
  void aRecordedGlassTestDecidesInstead() {
    assertThat(adult().with(Findings.redSkinLesion().blanches(false)).outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(adult().with(Findings.redSkinLesion().blanches(true)).outcome())
        .contains(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
  }

  @Test
  void aLesionFeatureMakesItASingleSuspiciousLesion() {
    Patients.Builder patient = adult().with(Findings.redSkinLesion().feature(LesionFeature.IRREGULAR));
    assertThat(patient.outcome()).contains(Outcome.URGENT_DERMATOLOGY_REFERRAL);
    assertThat(patient.reasons()).doesNotContain(ReasonKind.BLANCHING_NOT_RECORDED);
  }

  @Test
  void anUntestedFindingNewerThanTheLastGlassTestAsksAgain() {
    Patients.Builder patient = adult()
        .with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(MechanicalTrigger.VOMITING).observedAgo(ofDays(2)))
        .with(Findings.redSkinLesion().observedAgo(ofHours(2)));
    assertThat(patient.outcome()).contains(Outcome.CHECK_BLANCHING);
  }

  @Test
  void anUntestedFindingOlderThanTheLastGlassTestIsTheSameSpotsBeforeTheirTest() {
    Patients.Builder patient = adult()
        .with(Findings.redSkinLesion().observedAgo(ofDays(2)))
        .with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(MechanicalTrigger.VOMITING).observedAgo(ofHours(2)));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
  }

  /** Every emergency and same-day rule judges an untested red finding as a non-blanching one (contract 5.4). */
  @Nested
  class RedFlagsOutrankIt {

    @Test
    void fever() {
      Patients.Builder patient = adult().with(Findings.redSkinLesion()).temperature(38.6, ofHours(2));
      assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
      assertThat(patient.reasons()).contains(ReasonKind.FEVER, ReasonKind.BLANCHING_NOT_RECORDED);
    }

    @Test
    void lowPlatelets() {
      assertThat(adult().with(Findings.redSkinLesion()).platelets(90, ofHours(2)).outcome())
          .contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void spreading() {
      assertThat(adult().with(Findings.redSkinLesion().spreading()).outcome()).contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void anAntithrombotic() {
      assertThat(adult().with(Findings.redSkinLesion()).medicine(DrugClass.FACTOR_XA_INHIBITORS, "apixaban").outcome())
          .contains(Outcome.SAME_DAY_CBC);
    }
  }
}
