package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row "emergency-evaluation", bleeding: gum, nose, heavy menstrual, urine or stool; spots in the mouth or conjunctiva. */
class BleedingRuleTests {

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Symptom.class,
      names = {"GUM_BLEEDING", "NOSEBLEED", "HEAVY_MENSTRUAL_BLEEDING", "BLOOD_IN_URINE_OR_STOOL"})
  void emergencyWhenBleedingIsReportedWithTheSpots(Symptom bleeding) {
    Patients.Builder patient = Patients.wellAdultAfterVomiting().changeFindings(f -> f.symptom(bleeding));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(patient.reasons()).contains(ReasonKind.BLEEDING);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MucosalSite.class)
  void emergencyWhenSpotsAreOnAMucosa(MucosalSite site) {
    Patients.Builder patient = Patients.wellAdultAfterVomiting().changeFindings(f -> f.mucosal(site));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(Assessments.evidence(Assessments.only(patient.assess()))).contains("mucosal spots: ");
  }

  @Test
  void bleedingBesideABlanchingLesionAloneIsNoEmergency() {
    assertThat(Patients.adult().with(Findings.cherryAngioma().symptom(Symptom.GUM_BLEEDING)).outcome())
        .contains(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
  }

  /** Contract 5.4: mucosal spots recorded on another recent finding count. */
  @Test
  void mucosalSpotsOnASecondFindingCount() {
    Patients.Builder patient = Patients.wellAdultAfterVomiting()
        .with(Findings.redSkinLesion().blanches(true).mucosal(MucosalSite.MOUTH));
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(patient.reasons()).contains(ReasonKind.BLEEDING);
  }
}
