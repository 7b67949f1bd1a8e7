package org.pinpointcds.cards;

import org.pinpointcds.triage.Evidence;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pinpointcds.triage.Assessment;
import org.pinpointcds.triage.CbcOrder;
import org.pinpointcds.triage.Concern;
import org.pinpointcds.triage.DataGap;
import org.pinpointcds.triage.DrugClass;
import org.pinpointcds.triage.Guidance;
import org.pinpointcds.triage.MedicationUse;
import org.pinpointcds.triage.OrderKind;
import org.pinpointcds.triage.OrderPriority;
import org.pinpointcds.triage.Outcome;
import org.pinpointcds.triage.Reason;
import org.pinpointcds.triage.ReasonKind;
import org.pinpointcds.triage.SuggestedOrder;
import org.pinpointcds.triage.When;

/** Rendering an assessment into cards: one per concern, in order, within the specification's limits. */
class CardRendererTests {

  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
  private static final String TOPICS = "https://pinpoint-cds.org/fhir/CodeSystem/triage-outcome";
  private static final CardRenderer RENDERER = new CardRenderer(settings());

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"EMERGENCY_EVALUATION, critical", "SAME_DAY_CBC, warning", "URGENT_DERMATOLOGY_REFERRAL, warning",
      "CHECK_BLANCHING, warning", "WATCHFUL_WAITING, info", "ROUTINE_DERMATOLOGY_REFERRAL, info"})
  void eachOutcomeHasItsIndicatorAndTopic(Outcome outcome, String indicator) {
    Card card = only(concern(outcome, reasonsFor(outcome)));
    assertThat(card.indicator().code()).isEqualTo(indicator);
    assertThat(card.source().topic()).isEqualTo(new Coding(TOPICS, outcome.topicCode(), outcome.topicCode()));
  }

  @Test
  void aSummaryNamingEveryReasonStaysUnder140Characters() {
    List<ReasonKind> all = Arrays.stream(ReasonKind.values())
        .filter(k -> k.outcome() == Outcome.EMERGENCY_EVALUATION || k.outcome() == Outcome.SAME_DAY_CBC).toList();
    for (Outcome outcome : List.of(Outcome.EMERGENCY_EVALUATION, Outcome.SAME_DAY_CBC)) {
      Card card = only(concern(outcome, all.stream().filter(k -> k.outcome() == outcome).toList()));
      assertThat(card.summary().length()).as(card.summary()).isLessThan(140);
    }
  }

  @Test
  void aCardWithSuggestionsLetsTheClinicianPickAny() {
    Card card = only(new Concern(Outcome.SAME_DAY_CBC, reasons(ReasonKind.ANTITHROMBOTIC),
        List.of(new SuggestedOrder(OrderKind.CBC, OrderPriority.URGENT), new SuggestedOrder(OrderKind.INR, OrderPriority.URGENT)),
        Optional.empty()));
    assertThat(card.selectionBehavior()).isEqualTo("any");
    assertThat(card.suggestions()).extracting(Suggestion::uuid).doesNotHaveDuplicates().doesNotContainNull();
    assertThat(card.suggestions()).allSatisfy(s -> assertThat(s.actions()).allSatisfy(a -> {
      assertThat(a.type()).isEqualTo("create");
      assertThat(a.description()).isNotBlank();
    }));
  }

  @Test
  void aSuggestedOrderIsADraftServiceRequestForThePatient() {
    Card card = only(new Concern(Outcome.EMERGENCY_EVALUATION, reasons(ReasonKind.FEVER),
        List.of(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT)), Optional.empty()));
    JsonNode request = card.suggestions().get(0).actions().get(0).resource();
    assertThat(request.path("resourceType").asText()).isEqualTo("ServiceRequest");
    assertThat(request.path("status").asText()).isEqualTo("draft");
    assertThat(request.path("intent").asText()).isEqualTo("order");
    assertThat(request.path("priority").asText()).isEqualTo("stat");
    assertThat(request.at("/code/coding/0/system").asText()).isEqualTo("http://loinc.org");
    assertThat(request.at("/code/coding/0/code").asText()).isEqualTo("58410-2");
    assertThat(request.at("/subject/reference").asText()).isEqualTo("Patient/p1");
  }

  @Test
  void aReferralNamesDermatologyAsThePerformer() {
    Card card = only(new Concern(Outcome.URGENT_DERMATOLOGY_REFERRAL, reasons(ReasonKind.SUSPICIOUS_LESION),
        List.of(new SuggestedOrder(OrderKind.DERMATOLOGY_REFERRAL, OrderPriority.URGENT)), Optional.empty()));
    JsonNode request = card.suggestions().get(0).actions().get(0).resource();
    assertThat(request.at("/performerType/text").asText()).isEqualTo("Dermatology");
    assertThat(request.path("priority").asText()).isEqualTo("urgent");
  }

  /** The renderer writes the order's JSON itself: byte for byte what HAPI's parser writes for the same resource. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"CBC, STAT", "CBC, URGENT", "INR, URGENT", "DERMATOLOGY_REFERRAL, URGENT", "DERMATOLOGY_REFERRAL, ROUTINE"})
  void aSuggestedOrderIsWrittenAsHapiWritesIt(OrderKind kind, OrderPriority priority) {
    Outcome outcome = kind == OrderKind.DERMATOLOGY_REFERRAL ? Outcome.URGENT_DERMATOLOGY_REFERRAL : Outcome.SAME_DAY_CBC;
    Card card = only(new Concern(outcome, reasons(reasonsFor(outcome).toArray(ReasonKind[]::new)),
        List.of(new SuggestedOrder(kind, priority)), Optional.empty()));
    String written = card.suggestions().get(0).actions().get(0).resource().toString();
    var hapi = FhirContext.forR4Cached().newJsonParser();
    assertThat(hapi.encodeResourceToString(hapi.parseResource(written))).isEqualTo(written);
  }

  @Test
  void aCardWithoutSuggestionsHasNoSelectionBehavior() {
    Card card = only(concern(Outcome.WATCHFUL_WAITING, List.of(ReasonKind.MECHANICAL_TRIGGER)));
    assertThat(card.suggestions()).isEmpty();
    assertThat(card.selectionBehavior()).isNull();
    assertThat(card.detail()).contains("Safety net");
  }

  @Test
  void theDetailNamesContributingMedicinesAndARecentCbc() {
    Concern concern = new Concern(Outcome.SAME_DAY_CBC, reasons(ReasonKind.NO_MECHANICAL_TRIGGER), List.of(),
        Optional.of(new CbcOrder("ServiceRequest/sr-9", "CBC panel", When.at(NOW.minusSeconds(3600)), Optional.empty())));
    MedicationUse steroid = MedicationUse.current("MedicationStatement/m1", "prednisone 20 mg",
        DrugClass.SYSTEMIC_CORTICOSTEROIDS);
    Card card = RENDERER.render(new Assessment("p1", NOW, Optional.of(40), false, List.of(concern), List.of(steroid),
        List.of())).get(0);
    assertThat(card.summary()).contains("CBC already ordered");
    assertThat(card.detail()).contains("prednisone 20 mg (systemic corticosteroid", "ServiceRequest/sr-9");
  }

  @Test
  void theCheckBlanchingCardAsksForTheGlassTestAndSaysWhatItWouldChange() {
    Card card = only(concern(Outcome.CHECK_BLANCHING, List.of(ReasonKind.BLANCHING_NOT_RECORDED)));
    assertThat(card.summary()).startsWith("Check blanching").hasSizeLessThan(140);
    assertThat(card.detail()).contains("**Do the glass test**", "same-day CBC", "emergency");
  }

  /** Contract 5: what could change the triage and could not be read is listed, at most five, then "and N more". */
  @Test
  void unreadResourcesAreListedUnderNotRead() {
    List<DataGap> gaps = Stream.iterate(1, i -> i + 1).limit(7).map(i -> new DataGap("temperatures",
        "Observation/temp-" + i, DataGap.Kind.TEMPERATURE, "unit-unknown", "unit 'deg' unknown " + i,
        Optional.of(When.at(NOW)))).toList();
    Card card = RENDERER.render(new Assessment("p1", NOW, Optional.of(40), false,
        List.of(concern(Outcome.WATCHFUL_WAITING, List.of(ReasonKind.MECHANICAL_TRIGGER))), List.of(), gaps)).get(0);
    assertThat(card.detail()).contains("**Not read**", "- Observation/temp-1 (temperatures): unit 'deg' unknown 1",
        "Observation/temp-5", "- and 2 more").doesNotContain("Observation/temp-6");
  }

  @Test
  void nothingUnreadNoHeading() {
    assertThat(only(concern(Outcome.SAME_DAY_CBC, List.of(ReasonKind.LOW_PLATELETS))).detail()).doesNotContain("Not read");
  }

  /** Contract v2 section 4: a CBC order that is neither stat nor asap is named, and the stat CBC still suggested. */
  @Test
  void anEmergencyNamesARoutineCbcOrderAndStillSuggestsAStatOne() {
    Concern concern = new Concern(Outcome.EMERGENCY_EVALUATION, reasons(ReasonKind.FEVER),
        List.of(new SuggestedOrder(OrderKind.CBC, OrderPriority.STAT)),
        Optional.of(new CbcOrder("ServiceRequest/sr-3", "CBC", When.at(NOW.minusSeconds(600)),
            Optional.of(OrderPriority.ROUTINE))));
    Card card = only(concern);
    assertThat(card.detail()).contains("not stat or asap", "ServiceRequest/sr-3", "routine", "a stat CBC is still suggested");
    assertThat(card.suggestions()).hasSize(1);
  }

  @Test
  void oneCardPerConcernInTheOrderGiven() {
    List<Concern> concerns = List.of(concern(Outcome.SAME_DAY_CBC, List.of(ReasonKind.LOW_PLATELETS)),
        concern(Outcome.URGENT_DERMATOLOGY_REFERRAL, List.of(ReasonKind.SUSPICIOUS_LESION)));
    List<Card> cards = RENDERER.render(assessment(concerns));
    assertThat(cards).extracting(c -> c.source().topic().code()).containsExactly("same-day-cbc", "dermatology-referral");
    assertThat(cards).extracting(Card::uuid).doesNotHaveDuplicates();
  }

  @Test
  void overrideReasonsComeFromTheOutcome() {
    Card card = only(concern(Outcome.SAME_DAY_CBC, List.of(ReasonKind.NO_MECHANICAL_TRIGGER)));
    assertThat(card.overrideReasons()).extracting(Coding::code).containsExactly("recent-normal-cbc");
  }

  private static Card only(Concern concern) {
    List<Card> cards = RENDERER.render(assessment(List.of(concern)));
    assertThat(cards).hasSize(1);
    return cards.get(0);
  }

  private static Assessment assessment(List<Concern> concerns) {
    return new Assessment("p1", NOW, Optional.of(40), false, concerns, List.of(), List.of());
  }

  private static Concern concern(Outcome outcome, List<ReasonKind> kinds) {
    return new Concern(outcome, reasons(kinds.toArray(ReasonKind[]::new)), List.of(), Optional.empty());
  }

  private static List<ReasonKind> reasonsFor(Outcome outcome) {
    return Stream.of(ReasonKind.values()).filter(k -> k.outcome() == outcome).toList();
  }

  private static List<Reason> reasons(ReasonKind... kinds) {
    return Stream.of(kinds).map(k -> new Reason(k, "statement of " + k.code(), List.of(new Evidence.ChildAged(7)),
        new Guidance("guidance " + k.code(), "https://example.org/" + k.code()))).toList();
  }

  static CardSettings settings() {
    Map<OrderKind, OrderCode> orders = new EnumMap<>(OrderKind.class);
    orders.put(OrderKind.CBC, new OrderCode("http://loinc.org", "58410-2", "CBC panel - Blood by Automated count", "CBC"));
    orders.put(OrderKind.INR, new OrderCode("http://loinc.org", "34714-6", "INR in Blood by Coagulation assay", "INR"));
    orders.put(OrderKind.DERMATOLOGY_REFERRAL, new OrderCode(null, null, null, "Referral to dermatology"));
    Map<Outcome, Coding> topics = new EnumMap<>(Outcome.class);
    Map<Outcome, List<Coding>> overrides = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      topics.put(outcome, new Coding(TOPICS, outcome.topicCode(), outcome.topicCode()));
      overrides.put(outcome, List.of());
    }
    overrides.put(Outcome.SAME_DAY_CBC, List.of(new Coding("https://pinpoint-cds.org/fhir/CodeSystem/override-reason",
        "recent-normal-cbc", "Recent normal blood count reviewed")));
    return new CardSettings("Pinpoint petechiae triage", orders, topics, overrides);
  }
}
