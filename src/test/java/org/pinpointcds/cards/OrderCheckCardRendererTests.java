package org.pinpointcds.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pinpointcds.ordercheck.Orders.apixabanFor;
import static org.pinpointcds.ordercheck.Orders.check;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pinpointcds.ordercheck.OrderCheckOutcome;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Findings;
import org.pinpointcds.triage.Patients;
import org.pinpointcds.triage.Symptom;

/** What a prescriber reads on an order-check card: the drug, the count or finding, and what to do. */
class OrderCheckCardRendererTests {

  private static final OrderCheckCardRenderer RENDERER = new OrderCheckCardRenderer(settings(),
      CardRendererTests.settings().orders());

  @Test
  void aCriticalCountMakesACriticalCardNamingTheDrugAndTheCount() {
    Card card = only(apixabanFor().platelets(14, Duration.ofHours(2)));
    assertThat(card.indicator()).isEqualTo(Indicator.CRITICAL);
    assertThat(card.summary()).isEqualTo("High-risk order: apixaban with a platelet count of 14 x10^9/L");
    assertThat(card.source().topic().code()).isEqualTo("high-risk-order");
  }

  @Test
  void aRedFlagMakesTheSummaryNameTheFindingAndTheFlag() {
    Card card = only(apixabanFor().with(Findings.petechiae().symptom(Symptom.NOSEBLEED)).platelets(240,
        Duration.ofDays(1)));
    assertThat(card.summary()).isEqualTo("High-risk order: apixaban with petechiae and bleeding or mucosal spots");
  }

  @Test
  void aHighRiskCardRecommendsRemovingTheDraftOrder() {
    Card card = only(apixabanFor().platelets(14, Duration.ofHours(2)));
    Suggestion removal = card.suggestions().get(card.suggestions().size() - 1);
    assertThat(removal.isRecommended()).isTrue();
    assertThat(removal.actions()).singleElement().satisfies(action -> {
      assertThat(action.type()).isEqualTo("delete");
      assertThat(action.resourceId()).isEqualTo("MedicationRequest/draft-0");
      assertThat(action.resource()).isNull();
    });
  }

  @Test
  void aVitaminKAntagonistCardSuggestsACbcAnInrAndRemoval() {
    Card card = only(Patients.adult().draftOrder(DrugClass.VITAMIN_K_ANTAGONISTS, "warfarin")
        .platelets(35, Duration.ofHours(2)));
    assertThat(card.suggestions()).extracting(Suggestion::label)
        .containsExactly("Order CBC (urgent)", "Order INR (urgent)", "Remove the draft order: warfarin");
    assertThat(card.selectionBehavior()).isEqualTo("any");
  }

  @Test
  void checkPlateletsFirstNamesTheDrugAndTheFinding() {
    Card card = only(apixabanFor().with(Findings.petechiae()));
    assertThat(card.indicator()).isEqualTo(Indicator.WARNING);
    assertThat(card.summary())
        .isEqualTo("Check platelets before starting apixaban: petechiae and no recent platelet count that can be read");
  }

  @Test
  void lowPlateletsNotedIsInformationWithoutSuggestions() {
    Card card = only(apixabanFor().platelets(120, Duration.ofHours(2)));
    assertThat(card.indicator()).isEqualTo(Indicator.INFO);
    assertThat(card.summary()).isEqualTo("Low platelets noted with apixaban: platelet count 120 x10^9/L; monitor");
    assertThat(card.suggestions()).isEmpty();
    assertThat(card.selectionBehavior()).isNull();
  }

  @Test
  void theDetailListsTheLessUrgentRowsThatHoldAndTheOrderChecked() {
    Card card = only(apixabanFor().with(Findings.petechiae()).platelets(35, Duration.ofDays(10)));
    assertThat(card.detail()).contains("**Also holds**", "check the count before starting",
        "**Draft order checked**: apixaban (factor Xa inhibitor; MedicationRequest/draft-0)");
  }

  @Test
  void aRecentCbcOrderIsNamedInsteadOfSuggested() {
    Card card = only(apixabanFor().with(Findings.petechiae()).cbcOrdered(Duration.ofHours(3)));
    assertThat(card.detail()).contains("**A CBC is already ordered**", "ServiceRequest/cbc-0");
    assertThat(card.suggestions()).extracting(Suggestion::label).containsExactly("Remove the draft order: apixaban");
  }

  @Test
  void twoTriggeringOrdersMakeTwoCards() {
    List<Card> cards = RENDERER.render(check(apixabanFor().draftOrder(DrugClass.NSAIDS, "ibuprofen")
        .platelets(35, Duration.ofHours(2))));
    assertThat(cards).extracting(Card::summary).allSatisfy(s -> assertThat(s).startsWith("Avoid full-dose"));
    assertThat(cards).hasSize(2);
  }

  private static Card only(Patients.Builder patient) {
    List<Card> cards = RENDERER.render(check(patient));
    assertThat(cards).hasSize(1);
    return cards.get(0);
  }

  private static OrderCheckCardSettings settings() {
    Map<OrderCheckOutcome, Coding> topics = new EnumMap<>(OrderCheckOutcome.class);
    Map<OrderCheckOutcome, List<Coding>> reasons = new EnumMap<>(OrderCheckOutcome.class);
    for (OrderCheckOutcome outcome : OrderCheckOutcome.values()) {
      topics.put(outcome, new Coding("https://pinpoint-cds.org/fhir/CodeSystem/order-check-outcome", outcome.code(),
          outcome.code()));
      reasons.put(outcome, List.of());
    }
    return new OrderCheckCardSettings("Pinpoint antithrombotic order check", topics, reasons);
  }
}
