package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What an EHR sees on the cards of {@code petechiae-triage} (contract sections 2 and 4), end to end over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PetechiaeTriageEndpointTests {

  private static final String CBC = "58410-2";
  private static final String INR = "34714-6";

  @LocalServerPort
  int port;

  @Test
  void keysSentAsNullMeanNoDataAndNoCards() {
    HookRequest request = HookRequest.forAdult();
    HookRequest.KEYS.forEach(request::nullKey);
    assertThat(cards(request)).isEmpty();
  }

  @Test
  void emptyBundlesMeanNoDataAndNoCards() {
    assertThat(cards(HookRequest.forAdult())).isEmpty();
  }

  @Test
  void aFindingEnteredInErrorMakesNoCard() {
    assertThat(cards(HookRequest.forAdult().add("skinFindings", petechiae().symptom("fever").status("entered-in-error"))))
        .isEmpty();
  }

  @Test
  void bundlesWithSearchWarningsExtraResourcesAndIncludedMedicationsAreRead() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", petechiae().trigger("coughing").json(), Fhir.operationOutcome("_sort ignored"),
            Fhir.resource("Practitioner", "dr-1"))
        .add("medicationStatements",
            Fhir.referencing(Fhir.medicationStatement("medst-1", "active", Fhir.text("x"), ago(ofDays(40))), "Medication/med-1"))
        .include("medicationStatements",
            Fhir.medication("med-1", Fhir.concept(Fhir.RXNORM, "1364435", "apixaban 2.5 MG Oral Tablet [Eliquis]"), null));
    JsonNode card = only(cards(request));
    assertThat(CardChecks.topic(card)).isEqualTo("same-day-cbc");
    assertThat(CardChecks.text(card)).contains("apixaban 2.5 mg oral tablet [eliquis]", "factor xa inhibitor");
  }

  @Test
  void emergencySuggestsAStatCbc() {
    JsonNode card = only(cards(HookRequest.forAdult().add("skinFindings", petechiae().symptom("neck-stiffness"))));
    assertThat(card.path("indicator").asText()).isEqualTo("critical");
    assertThat(suggested(card)).extracting(r -> r.path("priority").asText()).containsExactly("stat");
    assertThat(CardChecks.suggestedCodes(card)).containsExactly(CBC);
  }

  @Test
  void inrIsSuggestedBesideTheCbcForAVitaminKAntagonist() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", petechiae().trigger("exercise"))
        .add("medicationRequests", Fhir.medicationRequest("mr-1", "active", Fhir.text("Coumadin 5 mg tablet")));
    JsonNode card = only(cards(request));
    assertThat(CardChecks.topic(card)).isEqualTo("same-day-cbc");
    assertThat(CardChecks.suggestedCodes(card)).containsExactly(CBC, INR);
    assertThat(suggested(card)).allSatisfy(r -> assertThat(r.path("priority").asText()).isEqualTo("urgent"));
  }

  @Test
  void aCbcOrderedInTheLast24HoursIsNotSuggestedAgainAndTheCardSaysSo() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", petechiae())
        .add("cbcOrders", Fhir.cbcOrder("sr-1", "active", ago(ofHours(3))));
    JsonNode card = only(cards(request));
    assertThat(CardChecks.topic(card)).isEqualTo("same-day-cbc");
    assertThat(CardChecks.suggestedCodes(card)).doesNotContain(CBC);
    assertThat(CardChecks.text(card)).contains("already ordered", "servicerequest/sr-1");
  }

  @Test
  void aBlanchingLesionGetsARoutineDermatologyReferral() {
    JsonNode card = only(cards(HookRequest.forAdult().add("skinFindings", finding("cherry-angioma"))));
    assertThat(CardChecks.topic(card)).isEqualTo("dermatology-referral");
    assertThat(card.path("indicator").asText()).isEqualTo("info");
    assertThat(suggested(card)).extracting(r -> r.path("priority").asText()).containsExactly("routine");
    assertThat(CardChecks.suggestionText(card)).contains("dermatolog");
  }

  @Test
  void aLesionFeatureGetsAnUrgentDermatologyReferral() {
    JsonNode card = only(cards(HookRequest.forAdult().add("skinFindings", finding("telangiectasia").feature("bleeds-easily"))));
    assertThat(CardChecks.topic(card)).isEqualTo("dermatology-referral");
    assertThat(card.path("indicator").asText()).isEqualTo("warning");
    assertThat(suggested(card)).extracting(r -> r.path("priority").asText()).containsExactly("urgent");
  }

  @Test
  void aSuspiciousLesionBesidePetechiaeIsASecondCardAfterTheMoreUrgentOne() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", petechiae().trigger("vomiting").json(), finding("red-skin-lesion").feature("irregular").json());
    List<JsonNode> cards = cards(request);
    assertThat(cards).extracting(CardChecks::topic).containsExactly("dermatology-referral", "watchful-waiting");
    assertThat(cards.get(0).path("indicator").asText()).isEqualTo("warning");
  }

  @Test
  void cardsComeMostUrgentFirstAndNeverTwoForOneConcern() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", finding("red-skin-lesion").feature("scaly").json(), finding("cherry-angioma").json(),
            petechiae().json(), finding("purpura").symptom("gum-bleeding").json())
        .add("plateletCounts", Fhir.plateletCount("plt-1", 60, "10*3/uL", ago(ofHours(2))));
    List<JsonNode> cards = cards(request);
    assertThat(cards).extracting(CardChecks::topic).containsExactly("emergency-evaluation", "dermatology-referral");
    assertThat(cards).isSortedAccordingTo(Comparator.comparingInt(CardChecks::rank).reversed());
  }

  @Test
  void aChildWithoutACauseNeedsAtLeastASameDayAssessment() {
    HookRequest request = HookRequest.bornOn(LocalDate.now().minusYears(7)).add("skinFindings", petechiae());
    JsonNode card = only(cards(request));
    assertThat(CardChecks.topic(card)).isEqualTo("same-day-cbc");
    assertThat(CardChecks.text(card)).contains("child");
  }

  @Test
  void theDetailListsEveryReasonWithItsDataAndGuidance() {
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", petechiae().trigger("coughing"))
        .add("temperatures", Fhir.temperature("temp-1", 38.6, "Cel", ago(ofHours(2))))
        .add("plateletCounts", Fhir.plateletCount("plt-1", 85, "10*3/uL", ago(ofHours(3))));
    JsonNode card = only(cards(request));
    assertThat(CardChecks.topic(card)).isEqualTo("emergency-evaluation");
    assertThat(card.path("detail").asText())
        .contains("temperature 38.6 °C (Observation/temp-1", "platelet count 85 x10^9/L", "Observation/plt-1",
            "https://www.nice.org.uk/guidance/ng240", "https://doi.org/10.1182/blood-2008-07-162503");
    assertThat(card.path("source").path("url").asText()).isEqualTo("https://www.nice.org.uk/guidance/ng240");
  }

  @Test
  void everyCardOffersOverrideReasonsAClinicianCanPick() {
    JsonNode card = only(cards(HookRequest.forAdult().add("skinFindings", petechiae())));
    assertThat(card.path("overrideReasons")).isNotEmpty().allSatisfy(reason -> {
      assertThat(reason.path("system").asText()).isEqualTo("https://pinpoint-cds.org/fhir/CodeSystem/override-reason");
      assertThat(reason.path("display").asText()).isNotBlank();
    });
  }

  private List<JsonNode> cards(HookRequest request) {
    CdsCalls.Answer answer = new CdsCalls(port).triage(request);
    assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    List<JsonNode> cards = answer.cards();
    assertThat(CardChecks.structuralProblems(cards)).as("card structure").isEmpty();
    return cards;
  }

  private static JsonNode only(List<JsonNode> cards) {
    assertThat(cards).as("cards").hasSize(1);
    return cards.get(0);
  }

  /** The resources the card's suggestions would create. */
  private static List<JsonNode> suggested(JsonNode card) {
    return CardChecks.actions(card).stream().map(a -> a.path("resource")).toList();
  }

  private static Fhir.SkinFinding petechiae() {
    return finding("petechiae");
  }

  private static Fhir.SkinFinding finding(String code) {
    return Fhir.skinFinding("skin-" + code, code, ago(ofHours(1)));
  }

  private static Instant ago(Duration duration) {
    return Instant.now().minus(duration);
  }
}
