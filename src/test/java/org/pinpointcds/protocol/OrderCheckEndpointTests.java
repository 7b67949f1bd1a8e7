package org.pinpointcds.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinpointcds.endpoints.EndpointPaths;
import org.pinpointcds.testing.CdsCalls;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code antithrombotic-order-check} and {@code antithrombotic-order-check-select} through HTTP (contract 6), on the
 * call of scenario p24: apixaban ordered for a patient whose latest platelet count is 35 x10^9/L.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OrderCheckEndpointTests {

  private static final String SIGN = CdsCalls.service("antithrombotic-order-check");
  private static final String SELECT = CdsCalls.service("antithrombotic-order-check-select");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void discoveryListsTheOrderSignAndOrderSelectEntriesWithTheirPrefetch() {
    JsonNode services = calls().get(EndpointPaths.CDS_SERVICES).json().path("services");
    assertThat(services.findValuesAsText("id")).contains("antithrombotic-order-check", "antithrombotic-order-check-select");
    for (JsonNode service : services) {
      if (service.path("id").asText().startsWith("antithrombotic-order-check")) {
        assertThat(service.path("hook").asText()).isIn("order-sign", "order-select");
        assertThat(service.path("prefetch").fieldNames()).toIterable().containsExactly(
            "patient", "skinFindings", "temperatures", "plateletCounts", "conditions", "cbcOrders");
      }
    }
  }

  @Test
  void theCardNamesTheDrugAndTheCountAndOffersToRemoveTheDraft() {
    JsonNode card = only(calls().post(SIGN, CdsCalls.JSON, p24().toString()));
    assertThat(card.path("summary").asText()).contains("apixaban", "35 x10^9/L");
    assertThat(card.path("detail").asText()).contains("platelet count 35 x10^9/L", "Observation/plt-17", " UTC)");
    assertThat(CardChecks.deletes(card)).containsExactly("MedicationRequest/draft-apixaban");
    assertThat(CardChecks.suggestedCodes(card)).containsExactly("58410-2");
    assertThat(card.path("selectionBehavior").asText()).isEqualTo("any");
    assertThat(card.path("overrideReasons").findValuesAsText("code")).contains("benefit-outweighs-risk");
  }

  @Test
  void aDraftNamingAMedicationOfTheDraftOrdersBundleIsRecognised() {
    ObjectNode call = p24();
    ArrayNode entries = (ArrayNode) call.path("context").path("draftOrders").path("entry");
    ObjectNode request = (ObjectNode) entries.get(0).path("resource");
    request.remove("medicationCodeableConcept");
    request.putObject("medicationReference").put("reference", "Medication/eliquis");
    entries.addObject().putObject("resource").put("resourceType", "Medication").put("id", "eliquis")
        .putObject("code").put("text", "Eliquis 5 mg tablet");
    assertThat(CardChecks.topic(only(calls().post(SIGN, CdsCalls.JSON, call.toString())))).isEqualTo("avoid-full-dose");
  }

  @Test
  void orderSelectChecksOnlyTheSelectedOrders() {
    ObjectNode call = selectCall();
    ArrayNode entries = (ArrayNode) call.path("context").path("draftOrders").path("entry");
    ObjectNode ibuprofen = entries.get(0).deepCopy();
    ((ObjectNode) ibuprofen.path("resource")).put("id", "draft-ibuprofen").putObject("medicationCodeableConcept")
        .put("text", "Ibuprofen 400 mg");
    entries.add(ibuprofen);
    ((ObjectNode) call.path("context")).putArray("selections").add("MedicationRequest/draft-ibuprofen");
    List<JsonNode> cards = calls().post(SELECT, CdsCalls.JSON, call.toString()).cards();
    assertThat(cards).singleElement().satisfies(card ->
        assertThat(CardChecks.deletes(card)).containsExactly("MedicationRequest/draft-ibuprofen"));
  }

  @Test
  void aCallWithoutDraftOrdersIs400NamingThem() {
    ObjectNode call = p24();
    ((ObjectNode) call.path("context")).remove("draftOrders");
    ErrorAnswerTests.assertError(calls().post(SIGN, CdsCalls.JSON, call.toString()), 400, "draftOrders");
  }

  @Test
  void draftOrdersThatAreNotABundleAre400NamingThem() {
    ObjectNode call = p24();
    ((ObjectNode) call.path("context")).putObject("draftOrders").put("resourceType", "MedicationRequest");
    ErrorAnswerTests.assertError(calls().post(SIGN, CdsCalls.JSON, call.toString()), 400, "draftOrders");
  }

  @Test
  void anOrderSelectCallWithoutSelectionsIs400NamingThem() {
    ObjectNode call = selectCall();
    ((ObjectNode) call.path("context")).remove("selections");
    ErrorAnswerTests.assertError(calls().post(SELECT, CdsCalls.JSON, call.toString()), 400, "selections");
  }

  @Test
  void aPatientViewCallToTheOrderCheckIs400() {
    ObjectNode call = p24().put("hook", "patient-view");
    ErrorAnswerTests.assertError(calls().post(SIGN, CdsCalls.JSON, call.toString()), 400, "patient-view");
  }

  @Test
  void aMissingKeyWithNoFhirServerIs412NamingIt() {
    ObjectNode call = p24();
    ((ObjectNode) call.path("prefetch")).remove("plateletCounts");
    CdsCalls.Answer answer = calls().post(SIGN, CdsCalls.JSON, call.toString());
    assertThat(answer.status()).isEqualTo(412);
    assertThat(answer.body()).contains("plateletCounts");
  }

  @Test
  void feedbackOnAnOrderCheckCardCountsUnderItsTopic() {
    JsonNode card = only(calls().post(SIGN, CdsCalls.JSON, p24().toString()));
    String feedback = """
        {"feedback": [{"card": "%s", "outcome": "overridden",
          "overrideReason": {"reason": {"system": "https://pinpoint-cds.org/fhir/CodeSystem/override-reason",
            "code": "platelet-count-verified"}}, "outcomeTimestamp": "%s"}]}"""
        .formatted(card.path("uuid").asText(), Instant.now());
    assertThat(calls().post(SIGN + "/feedback", CdsCalls.JSON, feedback).status()).isEqualTo(200);
    JsonNode report = calls().get(EndpointPaths.FEEDBACK_REPORT).json();
    assertThat(report.toString()).contains("\"avoid-full-dose\"", "platelet-count-verified");
  }

  private CdsCalls calls() {
    return new CdsCalls(port);
  }

  private static JsonNode only(CdsCalls.Answer answer) {
    assertThat(answer.status()).as("status of %s", answer).isEqualTo(200);
    assertThat(answer.cards()).hasSize(1);
    return answer.cards().get(0);
  }

  /** p24's call, dated as if made now. */
  private static ObjectNode p24() {
    return scenarioCall("p24-order-sign-apixaban-low-platelets.json");
  }

  private static ObjectNode selectCall() {
    ObjectNode call = p24().put("hook", "order-select");
    ((ObjectNode) call.path("context")).putArray("selections").add("MedicationRequest/draft-apixaban");
    return call;
  }

  private static ObjectNode scenarioCall(String file) {
    try (InputStream in = new ClassPathResource("scenarios-orders/" + file).getInputStream()) {
      JsonNode scenario = MAPPER.readTree(in);
      long millis = Instant.now().toEpochMilli() - Instant.parse(scenario.get("asOf").asText()).toEpochMilli();
      return (ObjectNode) ScenarioShift.shift(scenario.get("request"), millis);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
