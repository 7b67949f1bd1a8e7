package org.pinpointcds.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Row "watchful-waiting": a documented mechanical cause, not widespread, not spreading, nothing else. */
class MechanicalTriggerRuleTests {

  @ParameterizedTest(name = "{0}")
  @EnumSource(MechanicalTrigger.class)
  void watchfulWaitingForEachDocumentedCause(MechanicalTrigger trigger) {
    Patients.Builder patient = Patients.adult().with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(trigger));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    assertThat(Assessments.evidence(Assessments.only(patient.assess()))).contains(Formats.label(trigger.code()));
  }

  @Test
  void watchfulWaitingSuggestsNoOrder() {
    Concern concern = Assessments.only(Patients.wellAdultAfterVomiting().assess());
    assertThat(concern.outcome()).isEqualTo(Outcome.WATCHFUL_WAITING);
    assertThat(concern.orders()).isEmpty();
  }

  @Test
  void aCauseIsKeptAsAReasonBelowAMoreUrgentOne() {
    Concern concern = Assessments.only(Patients.elderlyOnWarfarin().assess());
    assertThat(concern.outcome()).isEqualTo(Outcome.SAME_DAY_CBC);
    assertThat(concern.reasons()).extracting(Reason::kind)
        .containsExactly(ReasonKind.ANTITHROMBOTIC, ReasonKind.MECHANICAL_TRIGGER);
  }
}
