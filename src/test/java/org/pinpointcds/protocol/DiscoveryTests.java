package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import org.pinpointcds.endpoints.EndpointPaths;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /cds-services}: what an EHR reads before it calls. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DiscoveryTests {

  @LocalServerPort
  int port;

  @Test
  void listsPetechiaeTriageForPatientViewWithEveryPrefetchKey() {
    CdsCalls.Answer answer = new CdsCalls(port).get(EndpointPaths.CDS_SERVICES);
    assertThat(answer.status()).isEqualTo(200);
    JsonNode service = petechiaeTriage(answer.json());
    assertThat(service.path("hook").asText()).isEqualTo("patient-view");
    assertThat(service.path("description").asText()).isNotBlank();
    List<String> keys = new ArrayList<>();
    service.path("prefetch").fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyInAnyOrderElementsOf(HookRequest.KEYS);
    service.path("prefetch").forEach(query -> assertThat(query.asText()).contains("{{context.patientId}}"));
  }

  private static JsonNode petechiaeTriage(JsonNode discovery) {
    for (JsonNode service : discovery.path("services")) {
      if ("petechiae-triage".equals(service.path("id").asText())) {
        return service;
      }
    }
    throw new AssertionError("no petechiae-triage in " + discovery);
  }
}
