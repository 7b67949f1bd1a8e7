package org.pinpointcds.triage;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Row "same-day-cbc": an anticoagulant or antiplatelet drug, current or stopped within its class's look-back. */
class AntithromboticRuleTests {

  /** The anticoagulant and antiplatelet classes of contract section 3.2. */
  static Stream<DrugClass> antithrombotics() {
    return Stream.of(DrugClass.VITAMIN_K_ANTAGONISTS, DrugClass.HEPARINS, DrugClass.DIRECT_THROMBIN_INHIBITORS,
        DrugClass.FACTOR_XA_INHIBITORS, DrugClass.FONDAPARINUX, DrugClass.ANTIPLATELETS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("antithrombotics")
  void sameDayForACurrentMedicineOfEveryAntithromboticClass(DrugClass drugClass) {
    Patients.Builder patient = Patients.wellAdultAfterVomiting().medicine(drugClass, "a " + drugClass.label());
    assertThat(patient.outcome()).contains(Outcome.SAME_DAY_CBC);
    assertThat(patient.reasons()).contains(ReasonKind.ANTITHROMBOTIC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("antithrombotics")
  void stoppedExactlyOneLookBackAgoStillCounts(DrugClass drugClass) {
    Duration lookback = Patients.defaultSettings().lookback(drugClass);
    assertThat(Patients.wellAdultAfterVomiting().stoppedMedicine(drugClass, "x", lookback).outcome())
        .contains(Outcome.SAME_DAY_CBC);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("antithrombotics")
  void stoppedJustBeforeTheLookBackNoLongerCounts(DrugClass drugClass) {
    Duration lookback = Patients.defaultSettings().lookback(drugClass);
    Assessment assessment =
        Patients.wellAdultAfterVomiting().stoppedMedicine(drugClass, "x", lookback.plus(ofSeconds(1))).assess();
    assertThat(Assessments.mostUrgent(assessment)).contains(Outcome.WATCHFUL_WAITING);
    assertThat(assessment.contributingMedicines()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = DrugClass.class, names = {"SYSTEMIC_CORTICOSTEROIDS", "TOPICAL_CORTICOSTEROIDS"})
  void corticosteroidsAreNamedButDoNotRaiseUrgency(DrugClass steroid) {
    Assessment assessment = Patients.wellAdultAfterVomiting().medicine(steroid, "prednisone").assess();
    assertThat(Assessments.mostUrgent(assessment)).contains(Outcome.WATCHFUL_WAITING);
    assertThat(assessment.contributingMedicines()).extracting(MedicationUse::name).containsExactly("prednisone");
  }

  @Test
  void cardNamesTheMedicineItsClassAndWhetherItIsCurrent() {
    Assessment assessment = Patients.elderlyOnWarfarin().assess();
    assertThat(Assessments.evidence(Assessments.only(assessment)))
        .contains("warfarin (vitamin K antagonist; MedicationStatement/m-0, current)");
  }

  @Test
  void theContractsAntithromboticClassesAreExactlyTheOnesThatRaiseUrgency() {
    assertThat(Stream.of(DrugClass.values()).filter(DrugClass::isAntithrombotic))
        .containsExactlyElementsOf(antithrombotics().toList());
  }
}
