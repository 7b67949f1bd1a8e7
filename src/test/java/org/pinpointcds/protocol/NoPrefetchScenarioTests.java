package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every scenario sent with no prefetch at all: its data is served by WireMock as the EHR's FHIR server, which
 * answers each search with every resource of that type for the patient, two to a page. The answer must be the
 * one the same call gets with prefetch.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoPrefetchScenarioTests {

  private static final String TOKEN = "no-prefetch-token";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @LocalServerPort
  int port;

  @TestFactory
  Stream<DynamicTest> everyScenarioReachesTheSameOutcomeWithoutPrefetch() throws IOException {
    return Stream.of(ScenarioTests.scenarios(ScenarioTests.SHARED),
            ScenarioTests.scenarios("scenarios-v2", ScenarioTests.SHARED_V2),
            ScenarioTests.scenarios("scenarios-orders", ScenarioTests.SHARED_ORDERS))
        .flatMap(List::stream)
        .filter(s -> !s.json().path("expect").has("status"))
        .map(s -> DynamicTest.dynamicTest(s.name(), () -> check(s.json())));
  }

  private void check(JsonNode scenario) {
    long millis = Instant.now().toEpochMilli() - Instant.parse(scenario.get("asOf").asText()).toEpochMilli();
    ObjectNode withPrefetch = (ObjectNode) ScenarioShift.shift(scenario.get("request"), millis);
    serve(withPrefetch);
    ObjectNode withoutPrefetch = withPrefetch.deepCopy();
    withoutPrefetch.remove("prefetch");
    withoutPrefetch.put("fhirServer", ehr.baseUrl() + "/fhir");
    withoutPrefetch.putObject("fhirAuthorization").put("access_token", TOKEN).put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "user/*.read").put("subject", "pinpoint");

    CdsCalls calls = new CdsCalls(port);
    String service = CdsCalls.service(ScenarioTests.service(scenario));
    CdsCalls.Answer fetched = calls.post(service, CdsCalls.JSON, withoutPrefetch.toString());
    CdsCalls.Answer prefetched = calls.post(service, CdsCalls.JSON, withPrefetch.toString());

    assertThat(fetched.status()).as("status without prefetch: %s", fetched).isEqualTo(200);
    assertThat(outcome(fetched)).as("outcome without prefetch").isEqualTo(outcome(prefetched))
        .isEqualTo(scenario.path("expect").path("outcome").isNull() ? "none"
            : scenario.path("expect").path("outcome").asText() + "/" + scenario.path("expect").path("indicator").asText(""));
  }

  private static String outcome(CdsCalls.Answer answer) {
    return CardChecks.top(answer.cards())
        .map(card -> CardChecks.topic(card) + "/" + card.path("indicator").asText())
        .orElse("none");
  }

  /** Stubs the patient read and, per resource type, a paged search of the patient's resources. */
  private static void serve(JsonNode request) {
    ehr.resetAll();
    String patientId = request.path("context").path("patientId").asText();
    Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
    request.path("prefetch").forEach(value -> resources(value).forEach(resource ->
        byType.computeIfAbsent(resource.path("resourceType").asText(), t -> new ArrayList<>()).add(resource)));
    for (String type : List.of("Observation", "Condition", "MedicationStatement", "MedicationRequest", "ServiceRequest",
        "Patient")) {
      List<JsonNode> all = byType.getOrDefault(type, List.of());
      all.stream().filter(r -> type.equals("Patient")).forEach(patient -> ehr.stubFor(
          authorized(get(urlPathEqualTo("/fhir/Patient/" + patient.path("id").asText()))).willReturn(okJson(patient.toString()))));
      int pages = Math.max(1, (all.size() + 1) / 2);
      for (int page = 0; page < pages; page++) {
        MappingBuilder search = authorized(get(urlPathEqualTo("/fhir/" + type)))
            .withQueryParam("patient", equalTo(patientId))
            .withQueryParam("_page", page == 0 ? absent() : equalTo(String.valueOf(page)));
        String next = page + 1 < pages
            ? ehr.baseUrl() + "/fhir/" + type + "?patient=" + patientId + "&_page=" + (page + 1) : null;
        ehr.stubFor(search.willReturn(okJson(bundle(all.subList(page * 2, Math.min(all.size(), page * 2 + 2)), next))));
      }
    }
  }

  private static MappingBuilder authorized(MappingBuilder request) {
    return request.withHeader("Authorization", equalTo("Bearer " + TOKEN));
  }

  private static List<JsonNode> resources(JsonNode prefetchValue) {
    if (!prefetchValue.isObject()) {
      return List.of();
    }
    if (!"Bundle".equals(prefetchValue.path("resourceType").asText())) {
      return List.of(prefetchValue);
    }
    List<JsonNode> resources = new ArrayList<>();
    prefetchValue.path("entry").forEach(entry -> {
      if (!"OperationOutcome".equals(entry.path("resource").path("resourceType").asText())) {
        resources.add(entry.path("resource"));
      }
    });
    return resources;
  }

  private static String bundle(List<JsonNode> resources, String next) {
    ObjectNode bundle = MAPPER.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
    if (next != null) {
      bundle.putArray("link").addObject().put("relation", "next").put("url", next);
    }
    ArrayNode entries = bundle.putArray("entry");
    resources.forEach(r -> entries.addObject().set("resource", r));
    return bundle.toString();
  }
}
