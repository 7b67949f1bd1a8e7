package org.pinpointcds.triage;

import static org.pinpointcds.triage.Patients.adult;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Row "same-day-cbc": a non-blanching rash with no mechanical cause documented; in a child the minimum. */
class NoMechanicalTriggerRuleTests {

  @Test
  void sameDayWhenNoCauseIsDocumented() {
    Patients.Builder patient = Patients.adultWithUnexplainedPetechiae();
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).containsExactly(ReasonKind.NO_MECHANICAL_TRIGGER);
  }

  @Test
  void watchfulWaitingWhenACauseIsDocumented() {
    Patients.Builder patient = Patients.adult().with(Findings.petechiae().trigger(MechanicalTrigger.COUGHING));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    assertThat(patient.reasons()).containsExactly(ReasonKind.MECHANICAL_TRIGGER);
  }

  @Test
  void sameDayForAPetechiaeDiagnosisWithoutAnObservation() {
    Patients.Builder patient = Patients.adult().condition(ConditionKind.PETECHIAE, ofDays(3));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(Assessments.evidence(Assessments.only(patient.assess()))).contains("diagnosis petechiae");
  }

  @Test
  void petechiaeDiagnosisOlderThanTheLookBackMakesNoCard() {
    assertThat(Patients.adult().condition(ConditionKind.PETECHIAE, ofDays(14).plus(ofSeconds(1))).outcome()).isEmpty();
  }

  @Nested
  class Child {

    @Test
    void sameDayForAChildWithoutACause() {
      Assessment assessment = Patients.aged(15).with(Findings.petechiae()).assess();
      assertThat(Assessments.mostUrgent(assessment)).contains(Outcome.SAME_DAY_CBC);
      assertThat(assessment.child()).isTrue();
      assertThat(Assessments.evidence(Assessments.only(assessment))).contains("child aged 15");
    }

    @Test
    void sixteenthBirthdayEndsChildhood() {
      Assessment assessment = Patients.turningToday(16).with(Findings.petechiae()).assess();
      assertThat(assessment.child()).isFalse();
      assertThat(assessment.ageYears()).contains(16);
      assertThat(Assessments.evidence(Assessments.only(assessment))).doesNotContain("child aged");
    }

    @Test
    void theDayBeforeTheSixteenthBirthdayIsStillAChild() {
      Assessment assessment = Patients.bornOn(Patients.NOW.atZone(ZoneOffset.UTC).toLocalDate().minusYears(16).plusDays(1)).with(Findings.petechiae()).assess();
      assertThat(assessment.child()).isTrue();
      assertThat(assessment.ageYears()).contains(15);
    }

    @Test
    void aChildWithADocumentedCauseFollowsTheSameTable() {
      Patients.Builder child = Patients.aged(9).with(Findings.petechiae().trigger(MechanicalTrigger.COUGHING));
      assertThat(child.outcome()).contains(Outcome.WATCHFUL_WAITING);
    }
  }

  /** Contract 5.4: only the triggers of the latest non-blanching finding explain it. */
  @Test
  void aTriggerOnAnOlderFindingDoesNotExplainANewerOne() {
    Patients.Builder patient = adult()
        .with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(MechanicalTrigger.COUGHING).observedAgo(ofDays(3)))
        .with(Findings.petechiae().extent(Extent.LOCALIZED).observedAgo(ofHours(2)));
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.NO_MECHANICAL_TRIGGER);
  }

  @Test
  void aTriggerOnTheLatestFindingExplainsIt() {
    Patients.Builder patient = adult()
        .with(Findings.petechiae().extent(Extent.LOCALIZED).observedAgo(ofDays(3)))
        .with(Findings.petechiae().extent(Extent.LOCALIZED).trigger(MechanicalTrigger.COUGHING).observedAgo(ofHours(2)));
    assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
  }
}
