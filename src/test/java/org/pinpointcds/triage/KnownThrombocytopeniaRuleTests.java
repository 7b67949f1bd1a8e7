package org.pinpointcds.triage;

import static java.time.Duration.ofDays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.triage.Patients.adult;
import static org.pinpointcds.triage.Patients.wellAdultAfterVomiting;

import org.junit.jupiter.api.Test;

/** Row "same-day-cbc" (contract v2 section 4): an active thrombocytopenia or immune thrombocytopenia Condition. */
class KnownThrombocytopeniaRuleTests {

  @Test
  void aKnownThrombocytopeniaMakesPetechiaeAfterVomitingASameDayCbc() {
    Patients.Builder patient = wellAdultAfterVomiting().condition(ConditionKind.THROMBOCYTOPENIA, ofDays(400));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.KNOWN_THROMBOCYTOPENIA);
  }

  @Test
  void anUndatedDiagnosisCountsToo() {
    assertThat(wellAdultAfterVomiting().undatedCondition(ConditionKind.THROMBOCYTOPENIA).outcome())
        .contains(Outcome.SAME_DAY_CBC);
  }

  @Test
  void theDiagnosisAloneMakesNoCard() {
    assertThat(adult().condition(ConditionKind.THROMBOCYTOPENIA, ofDays(30)).outcome()).isEmpty();
  }

  @Test
  void theCardNamesTheDiagnosis() {
    Assessment assessment = wellAdultAfterVomiting().undatedCondition(ConditionKind.THROMBOCYTOPENIA).assess();
    assertThat(Assessments.evidence(Assessments.only(assessment))).contains("diagnosis thrombocytopenia");
  }
}
