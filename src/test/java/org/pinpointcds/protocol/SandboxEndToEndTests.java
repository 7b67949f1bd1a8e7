package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pinpointcds.sandbox.FhirSandbox;
import org.pinpointcds.sandbox.FhirSandboxExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * End to end against a real FHIR server: the HAPI JPA sandbox holds every scenario's patient (the triage's and the
 * order check's), each scenario's service is called with no prefetch and fetches everything itself, and its cards
 * are the cards the same call gets with prefetch. The budget is raised because the first searches of a freshly started JPA server are slow.
 */
@ExtendWith(FhirSandboxExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"pinpoint.fetch.budget=PT30S", "pinpoint.fetch.call-timeout=PT20S"})
class SandboxEndToEndTests {

  @LocalServerPort
  int port;

  @TestFactory
  Stream<DynamicTest> everySandboxPatientGetsTheCardsOfItsPrefetchCall(FhirSandbox sandbox) throws IOException {
    // The repository's scenarios, the triage's and the order check's: the sandbox was loaded from exactly these.
    java.nio.file.Path noShared = java.nio.file.Path.of("no-shared-scenarios");
    List<ScenarioTests.Scenario> scenarios = new ArrayList<>(ScenarioTests.scenarios(noShared));
    scenarios.addAll(ScenarioTests.scenarios("scenarios-orders", noShared));
    return scenarios.stream()
        .filter(s -> !s.json().path("expect").has("status"))
        .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
          JsonNode scenario = s.json();
          ObjectNode prefetched = (ObjectNode) ScenarioShift.shift(scenario.get("request"),
              Instant.now().toEpochMilli() - Instant.parse(scenario.get("asOf").asText()).toEpochMilli());
          ObjectNode fetched = prefetched.deepCopy();
          fetched.remove("prefetch");
          fetched.put("fhirServer", sandbox.baseUrl());
          fetched.putObject("fhirAuthorization").put("access_token", "sandbox-token").put("token_type", "Bearer")
              .put("expires_in", 300).put("scope", "user/*.read").put("subject", "pinpoint");

          String service = CdsCalls.service(ScenarioTests.service(scenario));
          assertThat(cards(service, fetched)).as("cards without prefetch").isEqualTo(cards(service, prefetched));
        }));
  }

  /** What a clinician sees of each card: topic, indicator and summary, in order. */
  private List<String> cards(String service, JsonNode request) {
    CdsCalls.Answer answer = new CdsCalls(port).post(service, CdsCalls.JSON, request.toString());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.cards().stream()
        .map(card -> CardChecks.topic(card) + " / " + card.path("indicator").asText() + " / " + card.path("summary").asText())
        .toList();
  }
}
