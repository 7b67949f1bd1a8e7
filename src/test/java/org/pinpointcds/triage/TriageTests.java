package org.pinpointcds.triage;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the rows combine into concerns: look-back, one card per concern, order, suggestions, medicines. */
class TriageTests {

  @Nested
  class RecentFinding {

    @Test
    void noCardWithoutAnyFinding() {
      Patients.Builder patient = Patients.adult().platelets(9, ofHours(1)).medicine(DrugClass.HEPARINS, "heparin");
      assertThat(patient.assess().concerns()).isEmpty();
    }

    @Test
    void findingExactly14DaysOldStillCounts() {
      assertThat(Patients.adult().with(Findings.petechiae().observedAgo(ofDays(14))).outcome())
          .contains(Outcome.SAME_DAY_CBC);
    }

    @Test
    void findingJustOver14DaysOldMakesNoCard() {
      assertThat(Patients.adult().with(Findings.petechiae().observedAgo(ofDays(14).plus(ofSeconds(1)))).outcome())
          .isEmpty();
    }

    @Test
    void anOldFindingDoesNotAddRedFlagsToARecentOne() {
      Patients.Builder patient = Patients.wellAdultAfterVomiting()
          .with(Findings.petechiae().symptom(Symptom.FEVER).observedAgo(ofDays(20)));
      assertThat(patient.outcome()).contains(Outcome.WATCHFUL_WAITING);
    }
  }

  @Nested
  class Concerns {

    @Test
    void manyFindingsOfOneConcernMakeOneCard() {
      Assessment assessment = Patients.adult()
          .with(Findings.petechiae())
          .with(Findings.purpura().symptom(Symptom.FEVER))
          .with(Findings.nonBlanchingRash().spreading())
          .condition(ConditionKind.PETECHIAE, ofDays(1))
          .assess();
      assertThat(Assessments.outcomes(assessment)).containsExactly(Outcome.EMERGENCY_EVALUATION);
    }

    @Test
    void manySuspiciousLesionsMakeOneReferral() {
      Assessment assessment = Patients.adult()
          .with(Findings.redSkinLesion().feature(LesionFeature.IRREGULAR))
          .with(Findings.cherryAngioma().feature(LesionFeature.CRUSTING))
          .with(Findings.telangiectasia())
          .assess();
      assertThat(Assessments.outcomes(assessment)).containsExactly(Outcome.URGENT_DERMATOLOGY_REFERRAL);
    }

    @Test
    void mostUrgentConcernComesFirst() {
      Assessment assessment = Patients.adult()
          .with(Findings.redSkinLesion().feature(LesionFeature.NON_HEALING))
          .with(Findings.petechiae().symptom(Symptom.NOSEBLEED))
          .assess();
      assertThat(Assessments.outcomes(assessment))
          .containsExactly(Outcome.EMERGENCY_EVALUATION, Outcome.URGENT_DERMATOLOGY_REFERRAL);
    }

    @Test
    void everyReasonThatFiredIsListedMostUrgentFirst() {
      Concern concern = Assessments.only(Patients.elderlyOnWarfarin()
          .changeFindings(f -> f.symptom(Symptom.CONFUSION).maxDiameterMm(3))
          .platelets(60, ofHours(2))
          .assess());
      assertThat(concern.outcome()).isEqualTo(Outcome.EMERGENCY_EVALUATION);
      assertThat(concern.reasons()).extracting(Reason::kind).containsExactly(
          ReasonKind.MENINGITIS_SIGNS, ReasonKind.ANTITHROMBOTIC, ReasonKind.LOW_PLATELETS,
          ReasonKind.PURPURA_SIZED_SPOT, ReasonKind.MECHANICAL_TRIGGER);
    }

    @Test
    void eachReasonCarriesItsGuidance() {
      Concern concern = Assessments.only(Patients.adultWithUnexplainedPetechiae().assess());
      assertThat(concern.reasons().get(0).guidance())
          .isEqualTo(Patients.defaultSettings().guidanceFor(ReasonKind.NO_MECHANICAL_TRIGGER));
    }
  }

  @Nested
  class Suggestions {

    @Test
    void emergencySuggestsAStatCbc() {
      Concern concern = Assessments.only(Patients.wellAdultAfterVomiting().temperature(39, ofHours(1)).assess());
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT));
    }

    @Test
    void sameDaySuggestsAnUrgentCbc() {
      Concern concern = Assessments.only(Patients.adultWithUnexplainedPetechiae().assess());
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT));
    }

    @Test
    void inrIsSuggestedForAVitaminKAntagonist() {
      Concern concern = Assessments.only(Patients.elderlyOnWarfarin().assess());
      assertThat(concern.orders()).containsExactly(
          new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT), new SuggestedOrder(OrderKind.INR, OrderPriority.URGENT));
    }

    @Test
    void inrIsStatInAnEmergencyOnAVitaminKAntagonist() {
      Concern concern = Assessments.only(Patients.elderlyOnWarfarin().platelets(11, ofHours(1)).assess());
      assertThat(concern.orders()).contains(new SuggestedOrder(OrderKind.INR, OrderPriority.STAT));
    }

    @Test
    void noInrForOtherAnticoagulants() {
      Concern concern = Assessments.only(
          Patients.wellAdultAfterVomiting().medicine(DrugClass.FACTOR_XA_INHIBITORS, "apixaban").assess());
      assertThat(concern.orders()).extracting(SuggestedOrder::kind).containsExactly(OrderKind.CBC);
    }

    @Test
    void cbcOrderedInTheLast24HoursReplacesTheCbcSuggestion() {
      Concern concern = Assessments.only(Patients.adultWithUnexplainedPetechiae().cbcOrdered(ofHours(23)).assess());
      assertThat(concern.outcome()).isEqualTo(Outcome.SAME_DAY_CBC);
      assertThat(concern.orders()).isEmpty();
      assertThat(concern.recentCbc()).isPresent();
    }

    @Test
    void cbcOrderedExactly24HoursAgoStillCounts() {
      Concern concern = Assessments.only(Patients.adultWithUnexplainedPetechiae().cbcOrdered(ofHours(24)).assess());
      assertThat(concern.orders()).isEmpty();
    }

    @Test
    void cbcOrderedJustOver24HoursAgoDoesNot() {
      Concern concern = Assessments.only(
          Patients.adultWithUnexplainedPetechiae().cbcOrdered(ofHours(24).plus(ofSeconds(1))).assess());
      assertThat(concern.orders()).extracting(SuggestedOrder::kind).containsExactly(OrderKind.CBC);
      assertThat(concern.recentCbc()).isEmpty();
    }

    /** Contract v2 section 4: only a stat or asap order stands in for the emergency card's stat CBC. */
    @Test
    void aRecentRoutineCbcDoesNotReplaceTheEmergencyStatCbc() {
      Concern concern = Assessments.only(Patients.wellAdultAfterVomiting().temperature(38.9, ofHours(1))
          .cbcOrdered(ofHours(2), OrderPriority.ROUTINE).assess());
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT));
      assertThat(concern.recentCbc()).isPresent();
      assertThat(concern.cbcAlreadyOrdered()).isFalse();
    }

    @Test
    void aRecentAsapCbcReplacesTheEmergencyStatCbc() {
      Concern concern = Assessments.only(Patients.wellAdultAfterVomiting().temperature(38.9, ofHours(1))
          .cbcOrdered(ofHours(2), OrderPriority.ASAP).assess());
      assertThat(concern.orders()).isEmpty();
      assertThat(concern.cbcAlreadyOrdered()).isTrue();
    }

    @Test
    void aRecentCbcKeepsTheInrSuggestion() {
      Concern concern = Assessments.only(Patients.elderlyOnWarfarin().cbcOrdered(ofHours(2)).assess());
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.INR, OrderPriority.URGENT));
    }
  }

  /** Contract 5: what could not be read and could change the answer goes into the assessment. */
  @Nested
  class NotRead {

    @Test
    void anUnreadTemperatureOfTheLastDayIsNamed() {
      Assessment assessment = Patients.wellAdultAfterVomiting()
          .unread(DataGap.Kind.TEMPERATURE, "unit-unknown", ofHours(3)).assess();
      assertThat(assessment.unread()).extracting(DataGap::reason).containsExactly("unit-unknown");
    }

    @Test
    void anUnreadTemperatureOlderThanItsLookBackIsNot() {
      Assessment assessment = Patients.wellAdultAfterVomiting()
          .unread(DataGap.Kind.TEMPERATURE, "implausible", ofHours(30)).assess();
      assertThat(assessment.unread()).isEmpty();
    }

    @Test
    void anUnreadSkinFindingOfTheLookBackIsNamed() {
      Assessment assessment = Patients.wellAdultAfterVomiting()
          .unread(DataGap.Kind.SKIN_FINDING, "unreadable-component", ofDays(3)).assess();
      assertThat(assessment.unread()).hasSize(1);
    }
  }

  @Nested
  class Medicines {

    @Test
    void contributingMedicinesAreTheCurrentAntithromboticsAndSteroids() {
      Assessment assessment = Patients.elderlyOnWarfarin()
          .medicine(DrugClass.TOPICAL_CORTICOSTEROIDS, "clobetasol cream")
          .stoppedMedicine(DrugClass.ANTIPLATELETS, "aspirin", ofDays(30))
          .assess();
      assertThat(assessment.contributingMedicines()).extracting(MedicationUse::name)
          .containsExactlyInAnyOrder("warfarin", "clobetasol cream");
    }
  }

  @Test
  void sameSnapshotSameAnswer() {
    PatientSnapshot snapshot = Patients.elderlyOnWarfarin().with(Findings.cherryAngioma()).build();
    List<Concern> first = Patients.triage().assess(snapshot).concerns();
    assertThat(Patients.triage().assess(snapshot).concerns()).isEqualTo(first);
  }
}
