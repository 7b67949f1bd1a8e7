package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pinpointcds.PinpointApplication;
import org.pinpointcds.testing.CdsCalls;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The sandbox serves the order check's patients too: an order-sign call of scenario p24 with no prefetch, only
 * {@code fhirServer}, makes the service fetch its six prefetch keys from the sandbox and answer the card the scenario
 * expects. The budget is raised because the first searches of a freshly started JPA server are slow.
 */
@ExtendWith(FhirSandboxExtension.class)
@SpringBootTest(classes = PinpointApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"pinpoint.fetch.budget=PT30S", "pinpoint.fetch.call-timeout=PT20S"})
class OrderSignFromSandboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Test
  void anOrderSignCallWithoutPrefetchGetsTheScenariosCard(FhirSandbox sandbox) throws IOException {
    JsonNode scenario = scenario("p24-order-sign-apixaban-low-platelets.json");
    ObjectNode request = scenario.get("request").deepCopy();
    request.remove("prefetch");
    request.put("fhirServer", sandbox.baseUrl());
    request.putObject("fhirAuthorization").put("access_token", "sandbox-token").put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "user/*.read").put("subject", "pinpoint");

    CdsCalls.Answer answer = new CdsCalls(port)
        .post(CdsCalls.service(scenario.get("service").asText()), CdsCalls.JSON, request.toString());

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.cards()).hasSize(1);
    JsonNode card = answer.cards().get(0);
    JsonNode expect = scenario.get("expect");
    assertThat(card.path("source").path("topic").path("code").asText()).isEqualTo(expect.get("outcome").asText());
    assertThat(card.path("indicator").asText()).isEqualTo(expect.get("indicator").asText());
    assertThat(card.path("summary").asText()).startsWith("Avoid full-dose apixaban: platelet count 35 x10^9/L");
    assertThat(card.path("suggestions").findValuesAsText("resourceId"))
        .containsExactly(expect.path("deletes").path(0).asText("a delete is expected"));
  }

  private static JsonNode scenario(String file) throws IOException {
    try (InputStream in = new ClassPathResource("scenarios-orders/" + file).getInputStream()) {
      return JSON.readTree(in);
    }
  }
}
