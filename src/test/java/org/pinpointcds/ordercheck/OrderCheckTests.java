package org.pinpointcds.ordercheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Findings;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.OrderPriority;
import org.pinpointcds.triage.Patients;
import org.pinpointcds.triage.SuggestedOrder;

/** The order check as a whole: which draft orders it checks, one card each, and what each card suggests. */
class OrderCheckTests {

  @Nested
  class DrugClasses {

    @ParameterizedTest(name = "a draft {0} order for a patient with platelets of 35 is checked")
    @EnumSource(value = DrugClass.class, names = {"VITAMIN_K_ANTAGONISTS", "HEPARINS", "DIRECT_THROMBIN_INHIBITORS",
        "FACTOR_XA_INHIBITORS", "FONDAPARINUX", "ANTIPLATELETS", "NSAIDS"})
    void everyClassThatActsOnBleedingIsChecked(DrugClass drugClass) {
      OrderAssessment assessment = check(Patients.adult().draftOrder(drugClass, "a medicine")
          .platelets(35, Duration.ofHours(3)));
      assertThat(assessment.concerns()).singleElement()
          .satisfies(c -> assertThat(c.outcome()).isEqualTo(OrderCheckOutcome.AVOID_FULL_DOSE));
    }

    @ParameterizedTest(name = "a draft {0} order is not checked")
    @EnumSource(value = DrugClass.class, names = {"SYSTEMIC_CORTICOSTEROIDS", "TOPICAL_CORTICOSTEROIDS"})
    void corticosteroidsDoNotActOnBleedingAndAreNotChecked(DrugClass drugClass) {
      assertThat(check(Patients.adult().draftOrder(drugClass, "prednisone").platelets(12, Duration.ofHours(3)))
          .concerns()).isEmpty();
    }

    @Test
    void aPatientWithoutDraftOrdersGetsNoCard() {
      assertThat(check(Patients.adult().platelets(12, Duration.ofHours(3))).concerns()).isEmpty();
    }

    @Test
    void aDrugAlreadyTakenIsNotADraftOrder() {
      assertThat(check(Patients.adult().medicine(DrugClass.FACTOR_XA_INHIBITORS, "apixaban")
          .platelets(12, Duration.ofHours(3))).concerns()).isEmpty();
    }
  }

  @Nested
  class Cards {

    @Test
    void eachTriggeringDraftOrderGetsItsOwnCard() {
      OrderAssessment assessment = check(apixabanFor().draftOrder(DrugClass.NSAIDS, "ibuprofen")
          .draftOrder(DrugClass.SYSTEMIC_CORTICOSTEROIDS, "prednisone").platelets(35, Duration.ofHours(3)));
      assertThat(assessment.concerns()).extracting(c -> c.order().name()).containsExactly("apixaban", "ibuprofen");
    }

    @Test
    void onlyTheSelectedOrdersAreChecked() {
      OrderAssessment assessment = check(apixabanFor().draftOrder(DrugClass.NSAIDS, "ibuprofen")
          .platelets(35, Duration.ofHours(3))).forOrders(List.of("MedicationRequest/draft-1"));
      assertThat(assessment.concerns()).extracting(c -> c.order().name()).containsExactly("ibuprofen");
    }

    @Test
    void aNormalCountAndNoFindingGiveNoCard() {
      assertThat(check(apixabanFor().platelets(240, Duration.ofDays(1))).concerns()).isEmpty();
    }
  }

  @Nested
  class Suggestions {

    @Test
    void aHighRiskOrderSuggestsAStatCbc() {
      assertThat(orders(apixabanFor().platelets(12, Duration.ofHours(3))))
          .containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT));
    }

    @Test
    void aWarningSuggestsAnUrgentCbcAndRemovingTheDraft() {
      OrderConcern concern = check(apixabanFor().platelets(35, Duration.ofHours(3))).concerns().get(0);
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT));
      assertThat(concern.suggestsRemoval()).isTrue();
    }

    @Test
    void aVitaminKAntagonistAlsoGetsAnInr() {
      assertThat(orders(Patients.adult().draftOrder(DrugClass.VITAMIN_K_ANTAGONISTS, "warfarin")
          .platelets(35, Duration.ofHours(3)))).containsExactly(
          new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT), new SuggestedOrder(OrderKind.INR, OrderPriority.URGENT));
    }

    @Test
    void aCbcOrderedInTheLast24HoursLeavesTheCbcOutButNotTheInr() {
      OrderConcern concern = check(Patients.adult().draftOrder(DrugClass.VITAMIN_K_ANTAGONISTS, "warfarin")
          .with(Findings.petechiae()).cbcOrdered(Duration.ofHours(23))).concerns().get(0);
      assertThat(concern.orders()).containsExactly(new SuggestedOrder(OrderKind.INR, OrderPriority.URGENT));
      assertThat(concern.cbcAlreadyOrdered()).isTrue();
    }

    @Test
    void aCbcOrderedMoreThan24HoursAgoDoesNot() {
      assertThat(orders(apixabanFor().with(Findings.petechiae()).cbcOrdered(Duration.ofHours(25))))
          .containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT));
    }

    @Test
    void onlyAStatOrAsapCbcStandsInForTheHighRiskCardsStatCbc() {
      assertThat(orders(apixabanFor().platelets(12, Duration.ofHours(3)).cbcOrdered(Duration.ofHours(2))))
          .containsExactly(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT));
      assertThat(orders(apixabanFor().platelets(12, Duration.ofHours(3))
          .cbcOrdered(Duration.ofHours(2), OrderPriority.ASAP))).isEmpty();
    }

    private static List<SuggestedOrder> orders(Patients.Builder patient) {
      return check(patient).concerns().get(0).orders();
    }
  }
}
