package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * 10,000 malformed hook calls over HTTP, each a seeded mutation of a scenario's request: truncated JSON, values of
 * the wrong type, huge strings, deep nesting, bad dates, bad units, unknown resource types, flipped bytes. Not one
 * may be a 5xx or carry a stack trace.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MalformedRequestsTests {

  private static final int CALLS = 10_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<BiFunction<Random, JsonNode, String>> MUTATIONS = List.of(
      MalformedRequestsTests::truncated, MalformedRequestsTests::wrongType, MalformedRequestsTests::hugeString,
      MalformedRequestsTests::deepNesting, MalformedRequestsTests::badDate, MalformedRequestsTests::badUnit,
      MalformedRequestsTests::unknownResourceType, MalformedRequestsTests::flippedBytes);

  @LocalServerPort
  int port;

  @Test
  void noMalformedCallIsA5xxOrShowsAStackTrace() throws Exception {
    List<JsonNode> requests = scenarioRequests();
    Map<String, String> failures = new ConcurrentHashMap<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int i = 0; i < CALLS; i++) {
      long seed = i;
      clients.submit(() -> {
        Random random = new Random(seed);
        JsonNode request = requests.get(random.nextInt(requests.size())).deepCopy();
        String body = MUTATIONS.get((int) (seed % MUTATIONS.size())).apply(random, request);
        CdsCalls.Answer answer = new CdsCalls(port).post(CdsCalls.TRIAGE, CdsCalls.JSON, body);
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500 || answer.body().contains("\tat ") || answer.body().contains("Caused by")) {
          failures.putIfAbsent("seed " + seed, answer.status() + " " + answer.body().substring(0,
              Math.min(300, answer.body().length())));
        }
      });
    }
    clients.shutdown();
    assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).as("all calls answered").isTrue();
    assertThat(failures).as("statuses %s", statuses).isEmpty();
    assertThat(statuses.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CALLS);
  }

  /** The scenarios' requests, dated to now so that their findings are recent and the rules run on the mutations. */
  private static List<JsonNode> scenarioRequests() throws IOException {
    List<JsonNode> requests = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios/*.json")) {
      try (InputStream in = file.getInputStream()) {
        JsonNode scenario = MAPPER.readTree(in);
        long millis = System.currentTimeMillis() - Instant.parse(scenario.get("asOf").asText()).toEpochMilli();
        requests.add(ScenarioShift.shift(scenario.get("request"), millis));
      }
    }
    return requests;
  }

  private static String truncated(Random random, JsonNode request) {
    String json = request.toString();
    return json.substring(0, random.nextInt(json.length()));
  }

  private static String wrongType(Random random, JsonNode request) {
    JsonNode[] values = {JSON.numberNode(random.nextInt()), JSON.booleanNode(true), JSON.nullNode(), JSON.arrayNode(),
        JSON.objectNode(), JSON.textNode(""), JSON.numberNode(1e308 * 10)};
    replaceSomeField(random, request, (name, value) -> values[random.nextInt(values.length)]);
    return request.toString();
  }

  private static String hugeString(Random random, JsonNode request) {
    String huge = "x".repeat(100_000 + random.nextInt(200_000));
    replaceSomeField(random, request, (name, value) -> value.isTextual() || value.isValueNode() ? JSON.textNode(huge) : value);
    return request.toString();
  }

  private static String deepNesting(Random random, JsonNode request) {
    int depth = 500 + random.nextInt(5_000);
    String nested = "[".repeat(depth) + "]".repeat(depth);
    String json = request.toString();
    int at = json.indexOf(':', random.nextInt(json.length())) + 1;
    return at == 0 ? nested : json.substring(0, at) + nested + json.substring(json.indexOf(',', at) < 0 ? at : json.indexOf(',', at));
  }

  private static String badDate(Random random, JsonNode request) {
    String[] dates = {"2026-13-45", "yesterday", "2026-11-20T25:61:00Z", "2026-11-20T10:00", "0000-00-00", "20261120",
        "2026-11-20T10:00:00+99:00", "-999999999-01-01", "2026-02-30"};
    replaceSomeField(random, request, (name, value) -> name.toLowerCase().contains("date") || name.equals("issued")
        || name.equals("start") || name.equals("end") || name.equals("authoredOn") ? JSON.textNode(dates[random.nextInt(dates.length)]) : value);
    return request.toString();
  }

  private static String badUnit(Random random, JsonNode request) {
    JsonNode[] units = {JSON.textNode("furlongs"), JSON.textNode(""), JSON.numberNode(12), JSON.textNode("10*3/uL\u0000"),
        JSON.textNode("%"), JSON.nullNode()};
    replaceSomeField(random, request, (name, value) -> name.equals("unit") || name.equals("code") && value.isTextual()
        ? units[random.nextInt(units.length)] : name.equals("value") ? JSON.numberNode(-1e300) : value);
    return request.toString();
  }

  private static String unknownResourceType(Random random, JsonNode request) {
    String[] types = {"Foo", "", "observation", "Bundle", "OperationOutcome", "Binary", "42"};
    replaceSomeField(random, request, (name, value) -> name.equals("resourceType") ? JSON.textNode(types[random.nextInt(types.length)]) : value);
    return request.toString();
  }

  private static String flippedBytes(Random random, JsonNode request) {
    byte[] bytes = request.toString().getBytes(StandardCharsets.UTF_8);
    for (int i = random.nextInt(8) + 1; i > 0; i--) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Replaces the value of some fields (about one in four, anywhere in the request) by {@code replace}'s answer. */
  private static void replaceSomeField(Random random, JsonNode node, BiFunction<String, JsonNode, JsonNode> replace) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      Collections.shuffle(names, random);
      for (String name : names) {
        if (random.nextInt(4) == 0) {
          object.set(name, replace.apply(name, object.get(name)));
        } else {
          replaceSomeField(random, object.get(name), replace);
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(item -> replaceSomeField(random, item, replace));
    }
  }
}
