package org.pinpointcds.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The example site folder of the README (docs/site-example) loaded at start-up: local flowsheet codes and a
 * clinical-drug expansion make a card, and /actuator/pinpoint shows what is in force and where it comes from.
 */
@SpringBootTest(properties = {
    "pinpoint.terminology.extra-path=docs/site-example/terminology",
    "pinpoint.triage.extra-path=docs/site-example/thresholds.json"})
@AutoConfigureMockMvc
class SiteConfigurationEndToEndTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOWSHEET = "https://ehr.example.org/fhir/CodeSystem/skin-flowsheet";

  @Autowired
  private MockMvc mvc;

  private JsonNode getJson(String path) throws Exception {
    return JSON.readTree(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  @Test
  void aFindingAndAMedicineInTheSitesOwnCodesMakeACard() throws Exception {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS).toString();
    String finding = """
        {"resourceType":"Observation","id":"flow-1","status":"final",
         "code":{"coding":[{"system":"%1$s","code":"SKIN-PETECH"}]},
         "subject":{"reference":"Patient/s1"},"effectiveDateTime":"%2$s",
         "component":[
           {"code":{"coding":[{"system":"%1$s","code":"GLASS-TEST"}]},"valueBoolean":false},
           {"code":{"coding":[{"system":"%1$s","code":"SITE"}]},"valueCodeableConcept":{"coding":[{"system":"%1$s","code":"SITE-SHINS"}]}}]}
        """.formatted(FLOWSHEET, now);
    String medicine = """
        {"resourceType":"MedicationRequest","id":"mr-1","status":"active","intent":"order","subject":{"reference":"Patient/s1"},
         "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1364445"}]}}
        """;
    String request = """
        {"hook":"patient-view","hookInstance":"5b0b0a38-3c1e-4f43-a7c4-0d0f0c6a1e11","context":{"patientId":"s1","userId":"Practitioner/1"},
         "prefetch":{"patient":{"resourceType":"Patient","id":"s1","birthDate":"1970-01-01"},"skinFindings":%s,"temperatures":null,
           "plateletCounts":null,"conditions":null,"medicationStatements":null,"medicationRequests":%s,"cbcOrders":null}}
        """.formatted(finding, medicine);

    JsonNode cards = JSON.readTree(mvc.perform(post("/cds-services/petechiae-triage")
            .contentType(MediaType.APPLICATION_JSON).content(request))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("cards");

    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).path("source").path("topic").path("code").asText()).isEqualTo("same-day-cbc");
    assertThat(cards.get(0).path("detail").asText()).contains("factor Xa inhibitor").contains("Observation/flow-1");
  }

  @Test
  void theActuatorShowsEachThresholdWithItsOrigin() throws Exception {
    JsonNode thresholds = getJson("/actuator/pinpoint").path("thresholds");

    assertThat(thresholds.toString())
        .contains("{\"name\":\"fever-celsius\",\"value\":\"38.3\",\"origin\":\"site file docs/site-example/thresholds.json")
        .contains("{\"name\":\"medication-lookback.antiplatelets\",\"value\":\"P7D\"")
        .contains("{\"name\":\"finding-lookback\",\"value\":\"P14D\",\"origin\":\"cds-services/petechiae-triage.json");
  }

  @Test
  void theActuatorShowsTheValueSetsWithTheirVersionsAndSources() throws Exception {
    JsonNode pinpoint = getJson("/actuator/pinpoint");
    JsonNode factorXa = pinpoint.path("valueSets").path("https://pinpoint-cds.org/fhir/ValueSet/factor-xa-inhibitors");

    assertThat(factorXa).hasSize(2);
    assertThat(factorXa.get(0).path("file").asText()).isEqualTo("ValueSet-factor-xa-inhibitors.json");
    assertThat(factorXa.get(1).path("version").asText()).isEqualTo("20260401-example");
    assertThat(factorXa.get(1).path("site").asBoolean()).isTrue();
    assertThat(pinpoint.path("conceptMaps").has("https://ehr.example.org/fhir/ConceptMap/flowsheet-to-pinpoint")).isTrue();
    assertThat(pinpoint.path("siteTerminology").asText()).isEqualTo("docs/site-example/terminology");
    assertThat(pinpoint.path("diagnosticsEnabled").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/health", "/actuator/info", "/actuator/pinpoint"})
  void healthInfoAndPinpointAreExposed(String path) throws Exception {
    mvc.perform(get(path)).andExpect(status().isOk());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump"})
  void otherActuatorEndpointsAreNotExposed(String path) throws Exception {
    mvc.perform(get(path)).andExpect(status().isNotFound());
  }
}
