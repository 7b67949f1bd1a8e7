package org.pinpointcds.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** POST /diagnostics/patient-data says, resource by resource, what Pinpoint reads and what it ignores, and why. */
@SpringBootTest
@AutoConfigureMockMvc
class PatientDataDiagnosticsTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AS_OF = "2026-11-20T09:00:00Z";
  private static JsonNode report;

  @Autowired
  private MockMvc mvc;

  @BeforeAll
  static void diagnoseTheTestBundle(@Autowired MockMvc mvc) throws Exception {
    report = JSON.readTree(mvc.perform(post("/diagnostics/patient-data").param("asOf", AS_OF)
            .contentType(MediaType.APPLICATION_JSON)
            .content(Files.readString(Path.of("src/test/resources/diagnostics/patient-data.json"))))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
  }

  private static JsonNode reading(String resource) {
    for (JsonNode reading : report.path("resources")) {
      if (reading.path("resource").asText().equals(resource)) {
        return reading;
      }
    }
    throw new AssertionError(resource + " is not in " + report.toPrettyString());
  }

  @ParameterizedTest(name = "{0}: {1} {2}")
  @CsvSource({
      "Patient/d1, read, , born 1980-02-03",
      "Patient/someone-else, ignored, other-patient, Patient/d1",
      "Observation/skin-recent, read, , counts as non-blanching",
      "Observation/skin-old, read-not-used, outside-lookback, finding-lookback = P14D",
      "Observation/skin-error, ignored, wrong-status, entered-in-error",
      "Observation/skin-undated, ignored, no-date, without effectiveDateTime",
      "Observation/temp-degrees, read, , 38.9 °C (unit inferred from the value)",
      "Observation/temp-ok, read, , 37.1 °C",
      "Observation/temp-implausible, ignored, implausible, outside what a body can have",
      "Observation/temp-kelvin, read, , 37 °C",
      "Observation/plt-prelim, ignored, wrong-status, preliminary",
      "Observation/plt-latest, read, , 98 x10^9/L",
      "Observation/plt-older, read-not-used, not-latest, Observation/plt-latest",
      "Observation/hb, ignored, unknown-code, neither a skin finding",
      "Condition/fever-refuted, ignored, wrong-status, refuted",
      "MedicationStatement/ms-unknown, ignored, unclassified-medication, Vitamin D 1000 IU",
      "MedicationStatement/ms-warfarin-stopped, read-not-used, outside-lookback, medication-lookback.vitamin-k-antagonists",
      "MedicationRequest/mr-apixaban, read, , factor Xa inhibitor",
      "MedicationRequest/mr-no-aspirin, ignored, do-not-perform, a request not to give the medicine",
      "Encounter/enc-1, ignored, not-read, does not read Encounter"})
  void eachResourceIsReportedWithTheDecisionAndWhy(String resource, String decision, String reason, String detail) {
    JsonNode reading = reading(resource);

    assertThat(reading.path("decision").asText()).isEqualTo(decision);
    assertThat(reading.path("reason").asText(null)).isEqualTo(reason);
    assertThat(reading.path("details").toString()).contains(detail);
  }

  @Test
  void partsOfAReadFindingThatAreLeftOutAreNotedAfterWhatWasRead() {
    JsonNode details = reading("Observation/skin-recent").path("details");

    assertThat(details.get(0).asText()).startsWith("skin finding 'petechiae'").contains("does not blanch");
    assertThat(details.toString()).contains("max-diameter: unit 'in'").contains("rash-colour' is not one Pinpoint reads");
  }

  @Test
  void theReportNamesTheCardsTheDataGivesAndCountsTheDecisions() {
    assertThat(report.path("patientId").asText()).isEqualTo("d1");
    // 38.9 in a unit named "degrees" is read as °C (contract 5.2): a fever.
    assertThat(report.path("cards").get(0).asText()).isEqualTo("emergency-evaluation");
    assertThat(report.path("counts").path("ignored").asInt()).isEqualTo(10);
    assertThat(report.path("counts").path("read-not-used").asInt()).isEqualTo(3);
  }

  @Test
  void aCdsHooksRequestSaysWhatBecomesOfEachPrefetchKey() throws Exception {
    ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(Path.of("src/test/resources/scenarios/p01-fever-petechiae.json")))
        .path("request");
    ((ObjectNode) request.path("prefetch")).remove("cbcOrders");
    ((ObjectNode) request.path("prefetch")).putNull("conditions");

    JsonNode answer = JSON.readTree(mvc.perform(post("/diagnostics/patient-data").param("asOf", AS_OF)
            .contentType(MediaType.APPLICATION_JSON).content(request.toString()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

    assertThat(answer.path("prefetch").path("skinFindings").asText()).isEqualTo("read");
    assertThat(answer.path("prefetch").path("conditions").asText()).isEqualTo("null: no data");
    assertThat(answer.path("prefetch").path("cbcOrders").asText())
        .startsWith("not in prefetch: Pinpoint would fetch ServiceRequest?patient=p01");
    assertThat(answer.path("cards").get(0).asText()).isEqualTo("emergency-evaluation");
  }

  @Test
  void dataHapisParserCannotReadIsABadRequest() throws Exception {
    String emptyPropertyName = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"\":\"x\"}";

    mvc.perform(post("/diagnostics/patient-data").param("patientId", "p1")
            .contentType(MediaType.APPLICATION_JSON).content(emptyPropertyName))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.issue[0].diagnostics").value(containsString("not valid FHIR R4 JSON")));
  }

  @Test
  void dataWithoutAPatientNeedsThePatientId() throws Exception {
    String observation = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"text\":\"petechiae\"}}";

    mvc.perform(post("/diagnostics/patient-data").contentType(MediaType.APPLICATION_JSON).content(observation))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/diagnostics/patient-data").param("patientId", "p1")
            .contentType(MediaType.APPLICATION_JSON).content(observation))
        .andExpect(status().isOk());
  }
}
