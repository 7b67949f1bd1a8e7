package org.pinpointcds.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The EHR's FHIR server for the soak run, on loopback: it answers Pinpoint's prefetch queries with the typical
 * chart's resources by type, and every phase changes how it behaves, in turn healthy, HTTP 500 on every query,
 * and stalled (answers after {@value #STALL_MS} ms, longer than Pinpoint's call timeout). Calls without prefetch
 * get their cards while it is healthy and a 412 otherwise. Logs each change of mode with the time.
 *
 * <p>Run: {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.pinpointcds.bench.FaultyFhirServer
 * -Dexec.args="PORT PHASE_SECONDS"} (ops/soak/run-soak.sh starts it).
 */
public final class FaultyFhirServer {

  static final int STALL_MS = 3_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private enum Mode { HEALTHY, ERROR, STALL }

  private final WireMockServer server;
  private final Map<String, ObjectNode> bundlesByType;
  private final JsonNode patient;

  private FaultyFhirServer(int port) throws IOException {
    server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port).containerThreads(64)
        .asynchronousResponseEnabled(true).asynchronousResponseThreads(8));
    JsonNode prefetch = MAPPER.readTree(Charts.request(Charts.Size.TYPICAL, Instant.now())).get("prefetch");
    patient = prefetch.get("patient");
    bundlesByType = new LinkedHashMap<>();
    prefetch.forEach(value -> value.path("entry").forEach(entry -> {
      String type = entry.at("/resource/resourceType").asText();
      // A search returns its type's resources; _include brings the Medications with the statements.
      String searched = type.equals("Medication") ? "MedicationStatement" : type;
      ObjectNode bundle = bundlesByType.computeIfAbsent(searched, t -> searchset());
      ((ArrayNode) bundle.get("entry")).add(entry);
    }));
  }

  private static ObjectNode searchset() {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode().put("resourceType", "Bundle").put("type", "searchset");
    bundle.putArray("entry");
    return bundle;
  }

  private void behave(Mode mode) {
    server.resetMappings();
    switch (mode) {
      case HEALTHY -> {
        server.stubFor(get(urlPathMatching("/fhir/Patient/.+")).willReturn(okJson(patient.toString())));
        for (String type : new String[] {"Observation", "Condition", "MedicationStatement", "MedicationRequest",
            "ServiceRequest"}) {
          server.stubFor(get(urlPathEqualTo("/fhir/" + type))
              .willReturn(okJson(bundlesByType.getOrDefault(type, searchset()).toString())));
        }
      }
      case ERROR -> server.stubFor(any(anyUrl()).willReturn(serverError()));
      case STALL -> server.stubFor(any(anyUrl()).willReturn(okJson(searchset().toString()).withFixedDelay(STALL_MS)));
    }
    System.out.println(Instant.now() + " " + mode);
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    long phaseSeconds = Long.parseLong(args[1]);
    FaultyFhirServer ehr = new FaultyFhirServer(port);
    ehr.server.start();
    ScheduledExecutorService phases = Executors.newSingleThreadScheduledExecutor();
    Mode[] modes = Mode.values();
    long[] phase = {0};
    phases.scheduleAtFixedRate(() -> ehr.behave(modes[(int) (phase[0]++ % modes.length)]), 0, phaseSeconds,
        TimeUnit.SECONDS);
  }
}
