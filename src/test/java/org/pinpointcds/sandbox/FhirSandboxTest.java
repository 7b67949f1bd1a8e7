package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sandbox server, started once for the run (about 25 s), against the committed Bundles. */
@ExtendWith(FhirSandboxExtension.class)
class FhirSandboxTest {

  /** Resource types that belong to a patient (searchable with {@code ?patient=}). */
  private static final List<String> PATIENT_DATA =
      List.of("Observation", "Condition", "MedicationStatement", "MedicationRequest", "ServiceRequest");

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final SortedMap<String, Bundle> BUNDLES = new TreeMap<>(); // by patient id, as committed

  private static IGenericClient client;

  @BeforeAll
  static void connect(FhirSandbox sandbox) throws IOException {
    SandboxBundles.committed(SandboxBundles.DEFAULT_OUTPUT).forEach((name, json) ->
        BUNDLES.put(SandboxBundles.patientIdOf(name), FHIR.newJsonParser().parseResource(Bundle.class, json)));
    client = FHIR.newRestfulGenericClient(sandbox.baseUrl());
  }

  @Test
  void listensOnLoopback(FhirSandbox sandbox) {
    assertThat(sandbox.port()).isPositive();
    assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port() + "/fhir");
  }

  @Test
  void holdsAPatientForEveryScenario(FhirSandbox sandbox) {
    Bundle patients = client.search().forResource(Patient.class).count(200).returnBundle(Bundle.class).execute();

    assertThat(ids(patients)).containsExactlyInAnyOrderElementsOf(BUNDLES.keySet());
    assertThat(sandbox.patientIds()).containsExactlyElementsOf(BUNDLES.keySet());
  }

  @Test
  void findsAPatientsObservations() {
    Bundle observations = client.search().byUrl("Observation?patient=p05").returnBundle(Bundle.class).execute();

    assertThat(ids(observations)).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(idsOf(BUNDLES.get("p05"), "Observation"));
  }

  /** As in docs/sandbox.md: curl sends {@code |} as it is, and the sandbox takes it. */
  @Test
  void takesSearchesTypedByHand(FhirSandbox sandbox) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(sandbox.baseUrl()
        + "/Patient?_tag=" + SandboxBundles.SCENARIO_SYSTEM + "|p13-cbc-already-ordered").openConnection();
    connection.setRequestProperty("Accept", "application/fhir+json"); // a browser's Accept gets highlighted HTML
    try (InputStream in = connection.getInputStream()) {
      assertThat(connection.getResponseCode()).isEqualTo(200);
      assertThat(ids(FHIR.newJsonParser().parseResource(Bundle.class, in))).containsExactly("p13");
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void findsEveryPatientsDataByPatient() {
    for (Map.Entry<String, Bundle> bundle : BUNDLES.entrySet()) {
      for (String type : PATIENT_DATA) {
        Bundle found = client.search().byUrl(type + "?patient=" + bundle.getKey() + "&_count=200")
            .returnBundle(Bundle.class).execute();
        assertThat(ids(found)).as(type + "?patient=" + bundle.getKey())
            .containsExactlyInAnyOrderElementsOf(idsOf(bundle.getValue(), type));
      }
    }
  }

  @Test
  void servesDataAsRecentOnTheDayItStartedAsOnTheScenariosDay() {
    Bundle bundle = BUNDLES.get("p05");
    Instant asOf = bundle.getTimestamp().toInstant();
    Observation written = (Observation) resource(bundle, "Observation", "skin-11");
    Observation served = client.read().resource(Observation.class).withId("skin-11").execute();

    // Written an hour before asOf; served an hour before the sandbox started, which was within this test run.
    Duration writtenAge = Duration.between(written.getEffectiveDateTimeType().getValue().toInstant(), asOf);
    Duration servedAge = Duration.between(served.getEffectiveDateTimeType().getValue().toInstant(), Instant.now());
    assertThat(servedAge).isBetween(writtenAge, writtenAge.plusMinutes(30));
    assertThat(served.getMeta().getTag(SandboxBundles.SYNTHETIC_TAG.getSystem(), "HTEST")).isNotNull();
  }

  /**
   * The services' own prefetch queries (cds-services/*.json: each scenario's service, the triage's by default) find in
   * the sandbox what each scenario sent as prefetch, so that a call without prefetch against the sandbox sees the
   * scenario's data.
   */
  @Test
  void answersTheServicesPrefetchQueriesWithTheScenariosData() throws IOException {
    List<Path> folders = SandboxBundles.scenarioFolders();
    assumeTrue(folders.stream().allMatch(Files::isDirectory), "no scenarios at " + folders);
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> templates = prefetchTemplates(json);
    List<String> checked = new ArrayList<>();
    for (Path file : SandboxBundles.scenarioFiles(folders)) {
      JsonNode scenario = json.readTree(file.toFile());
      JsonNode request = scenario.path("request");
      String patientId = request.path("context").path("patientId").asText();
      JsonNode serviceTemplates = templates.get(scenario.path("service").asText("petechiae-triage"));
      for (Map.Entry<String, JsonNode> template : (Iterable<Map.Entry<String, JsonNode>>) serviceTemplates::fields) {
        JsonNode sent = request.path("prefetch").path(template.getKey());
        if (!sent.isObject() || "OperationOutcome".equals(sent.path("resourceType").asText())) {
          continue; // nothing to compare with
        }
        String query = template.getValue().asText().replace("{{context.patientId}}", patientId);
        Set<String> expected = resourceKeys(FHIR.newJsonParser().parseResource(json.writeValueAsString(sent)))
            .stream().map(key -> inSandbox(patientId, key)).collect(Collectors.toSet());
        Set<String> served = query.contains("?")
            ? resourceKeys(client.search().byUrl(query).returnBundle(Bundle.class).execute())
            : Set.of(query);
        assertThat(served).as(file.getFileName() + " " + query).isEqualTo(expected);
        checked.add(query);
      }
    }
    assertThat(checked).hasSizeGreaterThan(120);
  }

  /** Each service's prefetch templates by service id, a definition's {@code alsoOn} services sharing its own. */
  private static Map<String, JsonNode> prefetchTemplates(ObjectMapper json) throws IOException {
    Map<String, JsonNode> templates = new TreeMap<>();
    try (Stream<Path> definitions = Files.list(Path.of("cds-services"))) {
      for (Path file : definitions.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode definition = json.readTree(file.toFile());
        templates.put(definition.path("id").asText(), definition.path("prefetch"));
        definition.path("alsoOn").forEach(also -> templates.put(also.path("id").asText(), definition.path("prefetch")));
      }
    }
    return templates;
  }

  /** A scenario's {@code Type/id} as the sandbox holds it: as written, or its sandbox id if another scenario had it. */
  private static String inSandbox(String patientId, String key) {
    if (BUNDLES.get(patientId).getEntry().stream().anyMatch(e -> e.getRequest().getUrl().equals(key))) {
      return key;
    }
    String[] typeAndId = key.split("/", 2);
    return typeAndId[0] + "/" + SandboxBundles.sandboxId(patientId, typeAndId[1]);
  }

  private static Set<String> resourceKeys(org.hl7.fhir.instance.model.api.IBaseResource resource) {
    if (resource instanceof Bundle bundle) {
      return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
          .filter(r -> !"OperationOutcome".equals(r.fhirType()))
          .map(r -> r.fhirType() + "/" + r.getIdElement().getIdPart())
          .collect(Collectors.toSet());
    }
    return Set.of(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
  }

  private static List<String> ids(Bundle searchset) {
    assertThat(searchset.getLink(Bundle.LINK_NEXT)).as("one page").isNull();
    return searchset.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private static List<String> idsOf(Bundle bundle, String type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r.fhirType().equals(type)).map(r -> r.getIdElement().getIdPart()).toList();
  }

  private static Resource resource(Bundle bundle, String type, String id) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(r -> r.fhirType().equals(type) && r.getIdElement().getIdPart().equals(id))
        .findFirst().orElseThrow();
  }
}
