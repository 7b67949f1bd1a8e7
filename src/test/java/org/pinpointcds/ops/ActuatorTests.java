package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletResponse;

/** The probes, the info and what the actuator shows at all. */
class ActuatorTests extends ObservedApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readinessWaitsForTheDatabaseTheTerminologyAndTheWriters() throws Exception {
    JsonNode readiness = getJson("/actuator/health/readiness");

    assertThat(readiness.get("status").asText()).isEqualTo("UP");
    assertThat(readiness.get("components").fieldNames()).toIterable()
        .containsExactlyInAnyOrder("readinessState", "db", "terminology", "writers");
    assertThat(readiness.at("/components/terminology/details/valueSets").asInt()).isPositive();
    assertThat(readiness.at("/components/writers/details/audit").asText()).isEqualTo("writing");
    assertThat(readiness.at("/components/writers/details/issued-cards").asText()).isEqualTo("writing");
  }

  @Test
  void livenessIsTheProcessAloneNotTheDatabase() throws Exception {
    JsonNode liveness = getJson("/actuator/health/liveness");

    assertThat(liveness.get("status").asText()).isEqualTo("UP");
    assertThat(liveness.get("components").fieldNames()).toIterable().containsExactly("livenessState");
  }

  @Test
  void infoGivesTheVersionAndTheVersionOfEveryValueSetLoaded() throws Exception {
    JsonNode info = getJson("/actuator/info");

    assertThat(info.at("/build/version").asText()).isNotBlank();
    JsonNode versions = info.at("/terminology/versions");
    assertThat(versions.get("https://pinpoint-cds.org/fhir/ValueSet/antiplatelets").asText()).isEqualTo("1.0.0");
    assertThat(versions.get("https://pinpoint-cds.org/fhir/CodeSystem/triage-outcome").asText()).isEqualTo("1.0.0");
    assertThat(info.at("/terminology/valueSets").asInt()).isEqualTo(versions.size() - codeSystems(versions));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
      "/actuator/loggers", "/actuator/metrics"})
  void exposesNothingElse(String path) throws Exception {
    assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
  }

  private static int codeSystems(JsonNode versions) {
    int count = 0;
    for (var names = versions.fieldNames(); names.hasNext(); ) {
      count += names.next().contains("/CodeSystem/") ? 1 : 0;
    }
    return count;
  }

  private JsonNode getJson(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return JSON.readTree(response.getContentAsString());
  }
}
