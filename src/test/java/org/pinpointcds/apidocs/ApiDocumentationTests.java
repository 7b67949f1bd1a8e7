package org.pinpointcds.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The OpenAPI document: the one served at {@code /v3/api-docs} is the one committed as {@code docs/openapi.json},
 * it describes the three CDS endpoints and the feedback report, and its examples are what the service really
 * answers, the p01 answer with the service's clock at the scenario's {@code asOf}.
 *
 * <p>After a deliberate change to the API or its answers, {@code mvn test -Dtest=ApiDocumentationTests
 * -Dopenapi.update=true} rewrites the answers in {@code openapi/examples/} and the committed document; run it a
 * second time when an answer changed, so that the document takes the new example.
 */
@SpringBootTest(properties = "spring.main.allow-bean-definition-overriding=true")
@AutoConfigureMockMvc
class ApiDocumentationTests {

  static final Path COMMITTED = Path.of("docs", "openapi.json");
  static final Path EXAMPLES = Path.of("src", "main", "resources", "openapi", "examples");
  static final Path SCENARIO = Path.of("src", "test", "resources", "scenarios", "p01-fever-petechiae.json");
  static final boolean UPDATE = Boolean.getBoolean("openapi.update");
  static final Path ORDER_SCENARIO =
      Path.of("src", "test", "resources", "scenarios-orders", "p24-order-sign-apixaban-low-platelets.json");
  static final String SERVICE = "/cds-services/petechiae-triage";
  static final String ORDER_CHECK = "/cds-services/antithrombotic-order-check";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Autowired
  MockMvc mvc;

  /** The service's clock stands at the scenario's asOf, as the scenario format allows. */
  @TestConfiguration(proxyBeanMethods = false)
  static class AtScenarioTime {

    @Bean
    Clock clock() throws IOException {
      return Clock.fixed(Instant.parse(scenario().get("asOf").asText()), ZoneOffset.UTC);
    }
  }

  @Test
  void servesTheCommittedDocument() throws Exception {
    JsonNode served = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    if (UPDATE) {
      write(COMMITTED, served);
    }
    Files.createDirectories(Path.of("target"));
    write(Path.of("target", "openapi.json"), served);
    assertThat(served)
        .as("the served OpenAPI document (target/openapi.json) differs from %s; if the change is meant, run"
            + " mvn test -Dtest=ApiDocumentationTests -Dopenapi.update=true", COMMITTED)
        .isEqualTo(JSON.readTree(COMMITTED.toFile()));
  }

  @Test
  void describesTheThreeCdsEndpointsAndTheReport() throws Exception {
    JsonNode paths = JSON.readTree(COMMITTED.toFile()).get("paths");

    assertThat(paths.fieldNames()).toIterable()
        .containsExactlyInAnyOrder("/cds-services", "/cds-services/{id}", "/cds-services/{id}/feedback", "/feedback-report");
    assertThat(paths.at("/~1cds-services/get/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Discovery");
    assertThat(paths.at("/~1cds-services~1{id}/post/responses").fieldNames()).toIterable()
        .contains("200", "400", "401", "404", "412", "415");
  }

  @Test
  void everyReferenceResolves() throws Exception {
    JsonNode document = JSON.readTree(COMMITTED.toFile());

    assertThat(document.findValuesAsText("$ref")).isNotEmpty().allSatisfy(ref ->
        assertThat(document.at(ref.substring(1)).isMissingNode()).as(ref).isFalse());
  }

  @Test
  void requestExampleIsTheSharedScenario() throws Exception {
    assertThat(example("p01-request")).isEqualTo(scenario().get("request"));
  }

  @Test
  void orderSignRequestExampleIsTheSharedScenario() throws Exception {
    assertThat(example("p24-request")).isEqualTo(JSON.readTree(ORDER_SCENARIO.toFile()).get("request"));
  }

  static Stream<Arguments> answers() throws IOException {
    ObjectNode p01 = (ObjectNode) scenario().get("request");
    ObjectNode withoutPrefetch = p01.deepCopy();
    withoutPrefetch.remove("prefetch");
    ObjectNode withoutHookInstance = p01.deepCopy();
    withoutHookInstance.remove("hookInstance");
    return Stream.of(
        Arguments.of("p01-answer", 200, json(SERVICE, p01)),
        Arguments.of("p24-answer", 200, json(ORDER_CHECK, JSON.readTree(ORDER_SCENARIO.toFile()).get("request"))),
        Arguments.of("p01-precondition-failed", 412, json(SERVICE, withoutPrefetch)),
        Arguments.of("bad-request", 400, json(SERVICE, withoutHookInstance)),
        Arguments.of("not-found", 404, json("/cds-services/no-such-service", p01)),
        Arguments.of("unsupported-media-type", 415,
            post(SERVICE).contentType(MediaType.TEXT_PLAIN).content(p01.toString())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void answerExamplesAreWhatTheServiceAnswers(String example, int status, MockHttpServletRequestBuilder call)
      throws Exception {
    MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
    JsonNode answer = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    if (UPDATE && !withoutUuids(answer).equals(withoutUuids(example(example)))) {
      updateExample(example, answer);
    }

    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(withoutUuids(answer)).isEqualTo(withoutUuids(example(example)));
  }

  @Test
  void feedbackExampleAnswersTheCardOfTheAnswerExample() throws Exception {
    JsonNode card = example("p01-answer").at("/cards/0");
    JsonNode item = example("p01-feedback").at("/feedback/0");

    assertThat(item.get("card").asText()).isEqualTo(card.get("uuid").asText());
    assertThat(item.at("/acceptedSuggestions/0/id").asText()).isEqualTo(card.at("/suggestions/0/uuid").asText());
    assertThat(mvc.perform(json(SERVICE + "/feedback", example("p01-feedback"))).andReturn().getResponse().getStatus())
        .isEqualTo(200);
  }

  private static MockHttpServletRequestBuilder json(String path, JsonNode body) {
    return post(path).contentType(MediaType.APPLICATION_JSON).content(body.toString());
  }

  private static JsonNode scenario() throws IOException {
    return JSON.readTree(SCENARIO.toFile());
  }

  private static JsonNode example(String name) throws IOException {
    return JSON.readTree(EXAMPLES.resolve(name + ".json").toFile()).get("value");
  }

  /** Card and suggestion uuids are new on every answer. */
  private static JsonNode withoutUuids(JsonNode json) {
    JsonNode copy = json.deepCopy();
    copy.findParents("uuid").forEach(parent -> ((ObjectNode) parent).put("uuid", "*"));
    return copy;
  }

  private static void updateExample(String name, JsonNode answer) throws IOException {
    Path file = EXAMPLES.resolve(name + ".json");
    ObjectNode example = (ObjectNode) JSON.readTree(file.toFile());
    example.set("value", answer);
    write(file, example);
    if (name.equals("p01-answer")) {
      Path feedback = EXAMPLES.resolve("p01-feedback.json");
      ObjectNode accepted = (ObjectNode) JSON.readTree(feedback.toFile());
      accepted.set("value", JSON.readTree("""
          {"feedback": [{"card": "%s", "outcome": "accepted", "acceptedSuggestions": [{"id": "%s"}],
            "outcomeTimestamp": "2026-11-20T09:04:00Z"}]}
          """.formatted(answer.at("/cards/0/uuid").asText(), answer.at("/cards/0/suggestions/0/uuid").asText())));
      write(feedback, accepted);
    }
  }

  private static void write(Path file, JsonNode json) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(json) + "\n");
  }
}
