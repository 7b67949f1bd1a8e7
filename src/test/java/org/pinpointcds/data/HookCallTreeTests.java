package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A hook call's tree is the tree {@code readTree} reads, less the prefetch resources' unread elements: the same
 * nodes everywhere else (numbers, repeated names, nesting), and malformed JSON refused as it was.
 */
class HookCallTreeTests {

  /** Configured as Spring Boot configures the service's mapper. */
  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().build();
  /** Field names a random call draws from: the unread elements, the names the levels turn on, and others. */
  private static final List<String> NAMES = List.of("prefetch", "entry", "resource", "search", "meta", "subject",
      "text", "category", "code", "status", "id", "", "contained", "component", "valueQuantity", "referenceRange");

  @Test
  void prefetchResourcesComeWithoutTheElementsNothingReads() throws IOException {
    JsonNode tree = read("""
        {"hook": "patient-view", "meta": {"kept": true}, "prefetch": {
          "patient": {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "2"}, "text": {"div": "<div/>"},
                      "identifier": [{"value": "1"}], "birthDate": "1980-03-15"},
          "temperatures": {"resourceType": "Bundle", "meta": {"lastUpdated": "x"}, "link": [{"relation": "next"}],
            "entry": [{"fullUrl": "Observation/t1", "search": {"mode": "match"}, "resource": {
              "resourceType": "Observation", "id": "t1", "status": "final", "subject": {"reference": "Patient/p1"},
              "category": [{"text": "vital-signs"}], "encounter": {}, "performer": [], "note": [],
              "interpretation": [], "referenceRange": [{"low": {"value": 1}}],
              "code": {"text": "Body temperature", "coding": [{"code": "8310-5"}]},
              "contained": [{"resourceType": "Medication", "id": "m", "meta": {"kept": true}}],
              "component": [{"code": {"text": "kept"}, "subject": "kept"}]}}]}}}
        """);
    assertThat(tree).isEqualTo(MAPPER.readTree("""
        {"hook": "patient-view", "meta": {"kept": true}, "prefetch": {
          "patient": {"resourceType": "Patient", "id": "p1", "birthDate": "1980-03-15"},
          "temperatures": {"resourceType": "Bundle", "link": [{"relation": "next"}],
            "entry": [{"fullUrl": "Observation/t1", "resource": {
              "resourceType": "Observation", "id": "t1", "status": "final",
              "code": {"text": "Body temperature", "coding": [{"code": "8310-5"}]},
              "contained": [{"resourceType": "Medication", "id": "m", "meta": {"kept": true}}],
              "component": [{"code": {"text": "kept"}, "subject": "kept"}]}}]}}}
        """));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void anyJsonIsReadAsReadTreeReadsItLessTheUnreadElements(long seed) throws IOException {
    String json = new RandomJson(new Random(seed)).value(0);
    assertThat(read(json)).isEqualTo(pruned(MAPPER.readTree(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"n\": [0, -0, 7, 2147483647, 2147483648, -9223372036854775808, 9223372036854775808, 1.5, -0.0, 1e3, 1E-7,"
          + " 1e-400, 0.1000000000000000055511151231257827, 1.7976931348623157e308]}",
      "{\"a\": 1, \"a\": {\"b\": 2}, \"c\": null, \"a\": [true, false]}",
      "{\"s\": \"\\u00e9\\n\\\"\\ud83d\\ude00 \u65e5\u672c\"}",
      "{\"prefetch\": {\"k\": {\"meta\": 1, \"meta\": 2, \"id\": \"x\", \"id\": \"y\"}}, \"prefetch\": {\"j\": null}}",
      "[{\"prefetch\": {\"k\": {\"meta\": 1}}}]",
      "\"a string\"",
      "{} trailing"})
  void numbersRepeatedNamesAndOtherRootsAreReadAsReadTreeReadsThem(String json) throws IOException {
    assertThat(read(json)).isEqualTo(pruned(MAPPER.readTree(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"prefetch\": {\"k\": {\"meta\": [1, }}}", "{\"a\": 1", "{\"a\" 1}", "[1, 2",
      "{\"a\": tru}",
      "{\"prefetch\": {\"k\": {\"entry\": [{\"search\": {\"mode\": \"match\"]}]}}}"})
  void malformedJsonIsRefusedEvenWhereItIsLeftOut(String json) {
    assertThatThrownBy(() -> MAPPER.readTree(json)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> read(json)).isInstanceOf(JsonProcessingException.class);
  }

  /** readTree makes these infinite, which no FHIR decimal can hold. */
  @ParameterizedTest
  @ValueSource(strings = {"1e400", "-1E+309", "1e999999999", "179769313486231570000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
      + "000000000000000000000000000000000"})
  void aNumberBeyondADoubleIsRefusedNamingWhereItStands(String number) {
    assertThatThrownBy(() -> read("{\"context\": {\"n\": [0, " + number + "]}}"))
        .isInstanceOf(InputCoercionException.class).hasMessageContaining("/context/n/1");
  }

  @Test
  void nestingAsDeepAsTheParserAllowsIsReadAndDeeperIsRefused() throws IOException {
    int allowed = MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth();
    String deepest = "{\"prefetch\": {\"k\": " + "[".repeat(allowed - 2) + "]".repeat(allowed - 2) + "}}";
    assertThat(read(deepest)).isEqualTo(MAPPER.readTree(deepest));
    String deeper = "{\"prefetch\": {\"k\": " + "[".repeat(allowed) + "]".repeat(allowed) + "}}";
    assertThatThrownBy(() -> read(deeper)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void anEmptyBodyIsNoTree() throws IOException {
    assertThat(read("")).isNull();
    assertThat(read("  \n")).isNull();
  }

  @Test
  void aMapperThatReadsNumbersOtherwiseIsRefused() {
    ObjectMapper decimals = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    assertThatThrownBy(() -> new HookCallTree(decimals)).isInstanceOf(IllegalArgumentException.class);
  }

  private static JsonNode read(String json) throws IOException {
    try (JsonParser parser = MAPPER.createParser(json)) {
      return new HookCallTree(MAPPER).read(parser);
    }
  }

  /**
   * What the tree should hold, worked out on readTree's tree: each prefetch value, and each of its entries'
   * resources, without the unread elements; each entry without its search.
   */
  private static JsonNode pruned(JsonNode call) {
    if (call.path("prefetch").isObject()) {
      call.get("prefetch").forEach(value -> {
        withoutUnread(value);
        JsonNode entries = value.path("entry");
        entries.forEach(entry -> {
          if (entries.isArray() && entry.isObject()) { // an object's values are not a Bundle's entries: kept whole
            ((ObjectNode) entry).remove("search");
            withoutUnread(entry.path("resource"));
          }
        });
      });
    }
    return call;
  }

  private static void withoutUnread(JsonNode resource) {
    if (resource.isObject()) {
      ((ObjectNode) resource).remove(HookCallTree.UNREAD);
    }
  }

  /** Random JSON text: nested objects and arrays whose names come from {@link #NAMES}, repeated now and then. */
  private record RandomJson(Random random) {

    String value(int depth) {
      int kind = depth == 0 ? 0 : depth > 6 ? 2 + random.nextInt(5) : random.nextInt(7);
      return switch (kind) {
        case 0 -> object(depth);
        case 1 -> array(depth);
        case 2 -> '"' + NAMES.get(random.nextInt(NAMES.size())) + (random.nextBoolean() ? "\\u00e9\\\"" : "") + '"';
        case 3 -> List.of("0", "-12", "4294967296", "18446744073709551616", "36.6", "-1.5e-3", "1E2")
            .get(random.nextInt(7));
        case 4 -> random.nextBoolean() ? "true" : "false";
        case 5 -> "null";
        default -> "{}";
      };
    }

    /** An object; at the root, half the time one with a prefetch. */
    private String object(int depth) {
      List<String> fields = new ArrayList<>();
      if (depth == 0 && random.nextBoolean()) {
        fields.add("\"prefetch\": " + object(1));
      }
      for (int i = random.nextInt(6); i > 0; i--) {
        String value = depth < 4 && random.nextBoolean() ? object(depth + 1) : value(depth + 1);
        fields.add('"' + NAMES.get(random.nextInt(NAMES.size())) + "\": " + value);
      }
      Collections.shuffle(fields, random);
      return "{" + String.join(", ", fields) + "}";
    }

    private String array(int depth) {
      List<String> elements = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        elements.add(depth < 4 && random.nextBoolean() ? object(depth + 1) : value(depth + 1));
      }
      return "[" + String.join(", ", elements) + "]";
    }
  }
}
