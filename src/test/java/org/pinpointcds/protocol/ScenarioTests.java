package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every acceptance scenario through the real HTTP endpoint, checked as {@code shared/tools/run-scenarios.mjs}
 * checks it: the repository's copies in {@code src/test/resources/scenarios/} (contract v1) and
 * {@code scenarios-v2/} (contract v2 section 5) and {@code scenarios-orders/} (contract v2 section 6, the order
 * check), and the shared folders of the same names when they exist (a shared file identical to its copy runs once).
 * A scenario names its service in {@code service} (default petechiae-triage), as the runner reads it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ScenarioTests {

  static final Path SHARED = Path.of("..", "shared", "scenarios");
  static final Path SHARED_V2 = Path.of("..", "shared", "scenarios-v2");
  static final Path SHARED_ORDERS = Path.of("..", "shared", "scenarios-orders");
  static final String DEFAULT_SERVICE = "petechiae-triage";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @LocalServerPort
  int port;

  @TestFactory
  Stream<DynamicTest> everyScenarioGetsTheExpectedAnswer() throws IOException {
    List<Scenario> scenarios = new ArrayList<>(scenarios(SHARED));
    scenarios.addAll(scenarios("scenarios-v2", SHARED_V2));
    scenarios.addAll(scenarios("scenarios-orders", SHARED_ORDERS));
    assertThat(scenarios).as("scenario files").isNotEmpty();
    return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
      try {
        check(s.json());
      } catch (AssertionError e) {
        throw new AssertionError("scenario " + s.name() + ": " + e.getMessage(), e);
      }
    }));
  }

  private void check(JsonNode scenario) {
    long millis = Instant.now().toEpochMilli() - Instant.parse(scenario.get("asOf").asText()).toEpochMilli();
    JsonNode request = ScenarioShift.shift(scenario.get("request"), millis);
    String service = service(scenario);
    CdsCalls.Answer answer = new CdsCalls(port).post(CdsCalls.service(service), CdsCalls.JSON, request.toString());
    JsonNode expect = scenario.get("expect");
    int wantStatus = expect.path("status").asInt(200);

    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(answer.status()).as("status of %s", answer).isEqualTo(wantStatus);
    if (wantStatus != 200) {
      soft.assertThat(answer.json().path("resourceType").asText()).as("error body").isEqualTo("OperationOutcome");
      soft.assertAll();
      return;
    }
    List<JsonNode> cards = answer.cards();
    soft.assertThat(CardChecks.structuralProblems(cards, service.equals(DEFAULT_SERVICE)
        ? CardChecks.TOPIC_SYSTEM : CardChecks.ORDER_CHECK_TOPIC_SYSTEM)).as("card structure").isEmpty();
    if (expect.get("outcome").isNull()) {
      soft.assertThat(cards).as("cards").isEmpty();
      soft.assertAll();
      return;
    }
    JsonNode top = CardChecks.top(cards)
        .orElseThrow(() -> new AssertionError("wanted " + expect.get("outcome") + ", got no cards"));
    soft.assertThat(CardChecks.topic(top)).as("outcome").isEqualTo(expect.get("outcome").asText());
    if (expect.has("indicator")) {
      soft.assertThat(top.path("indicator").asText()).as("indicator").isEqualTo(expect.get("indicator").asText());
    }
    List<String> codes = CardChecks.suggestedCodes(top);
    texts(expect, "suggestsCodes").forEach(c -> soft.assertThat(codes).as("suggested codes").contains(c));
    texts(expect, "noSuggestionCodes").forEach(c -> soft.assertThat(codes).as("suggested codes").doesNotContain(c));
    texts(expect, "suggestsText")
        .forEach(w -> soft.assertThat(CardChecks.suggestionText(top)).as("suggestions").contains(w));
    texts(expect, "detailMentions")
        .forEach(w -> soft.assertThat(CardChecks.text(top)).as("summary and detail").contains(w));
    texts(expect, "deletes").forEach(r -> soft.assertThat(CardChecks.deletes(top)).as("deletes").contains(r));
    soft.assertAll();
  }

  static String service(JsonNode scenario) {
    return scenario.path("service").asText(DEFAULT_SERVICE);
  }

  private static List<String> texts(JsonNode expect, String field) {
    List<String> values = new ArrayList<>();
    expect.path(field).forEach(v -> values.add(v.asText()));
    return values;
  }

  /** The repository's v1 scenarios, then each one in {@code sharedFolder} that is new or differs from its copy. */
  static List<Scenario> scenarios(Path sharedFolder) throws IOException {
    return scenarios("scenarios", sharedFolder);
  }

  /** The scenarios of the test resources' {@code folder}, then each one in {@code sharedFolder} new or different. */
  static List<Scenario> scenarios(String folder, Path sharedFolder) throws IOException {
    List<Scenario> scenarios = new ArrayList<>();
    Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:" + folder + "/*.json");
    Stream.of(files).sorted(Comparator.comparing(Resource::getFilename)).forEach(file -> {
      try (InputStream in = file.getInputStream()) {
        scenarios.add(Scenario.read("repo", MAPPER.readTree(in)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read scenario " + file.getFilename(), e);
      }
    });
    if (Files.isDirectory(sharedFolder)) {
      List<JsonNode> own = scenarios.stream().map(Scenario::json).toList();
      try (Stream<Path> shared = Files.list(sharedFolder)) {
        for (Path file : shared.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          JsonNode json = MAPPER.readTree(file.toFile());
          if (!own.contains(json)) {
            scenarios.add(Scenario.read("shared", json));
          }
        }
      }
    }
    return scenarios;
  }

  /** One scenario file and where it came from. */
  record Scenario(String name, JsonNode json) {

    static Scenario read(String origin, JsonNode json) {
      return new Scenario(json.path("id").asText("unnamed") + " (" + origin + ")", json);
    }
  }
}
