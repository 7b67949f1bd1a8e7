package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Row "same-day-cbc": unexplained bruising with the spots. */
class UnexplainedBruisingRuleTests {

  @Test
  void sameDayWhenBruisingIsUnexplainedDespiteAMechanicalCause() {
    Patients.Builder patient =
        Patients.wellAdultAfterVomiting().changeFindings(f -> f.symptom(Symptom.UNEXPLAINED_BRUISING));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.UNEXPLAINED_BRUISING);
  }
}
