package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row "emergency-evaluation": confusion or neck stiffness with a non-blanching rash, even without fever. */
class MeningitisSignsRuleTests {

  @Test
  void emergencyWhenConfusedWithoutFever() {
    assertEmergency(Patients.wellAdultAfterVomiting().changeFindings(f -> f.symptom(Symptom.CONFUSION)));
  }

  @Test
  void emergencyWhenNeckIsStiffWithoutFever() {
    assertEmergency(Patients.wellAdultAfterVomiting().changeFindings(f -> f.symptom(Symptom.NECK_STIFFNESS)));
  }

  @Test
  void confusionBesideABlanchingLesionAloneIsNoEmergency() {
    assertThat(Patients.adult().with(Findings.telangiectasia().symptom(Symptom.CONFUSION)).outcome())
        .contains(Outcome.ROUTINE_DERMATOLOGY_REFERRAL);
  }

  private static void assertEmergency(Patients.Builder patient) {
    assertThat(patient.outcome()).contains(Outcome.EMERGENCY_EVALUATION);
    assertThat(patient.reasons()).contains(ReasonKind.MENINGITIS_SIGNS).doesNotContain(ReasonKind.FEVER);
  }

  /** Contract 5.4: once a red finding exists, red flags count from any recent finding of the patient. */
  @Test
  void neckStiffnessRecordedOnASecondFindingCounts() {
    assertEmergency(Patients.wellAdultAfterVomiting().with(Findings.cherryAngioma().symptom(Symptom.NECK_STIFFNESS)));
  }
}
