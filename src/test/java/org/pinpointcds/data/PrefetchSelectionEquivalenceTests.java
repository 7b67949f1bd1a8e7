package org.pinpointcds.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pinpointcds.bench.Charts;
import org.pinpointcds.testing.Await;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.testing.ServiceParts;
import org.pinpointcds.triage.Assessment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A hook call reads only the prefetch resources that can matter, without the elements nothing reads
 * ({@link HookCallTree}), built lean ({@link PrefetchSelection}, {@link LeanParser}); the diagnostics parse every
 * resource whole with HAPI's parser. Both must give the same
 * assessment (outcome, reasons with their evidence, medicines), on every scenario, on the benchmark charts at
 * moments that move every look-back, and on seeded random records full of what the hook call skips.
 */
class PrefetchSelectionEquivalenceTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("org.pinpointcds.data.RandomRecords#seeds")
  void randomRecordsWithTheirHistory(long seed) throws IOException {
    Random random = new Random(seed);
    List<Map.Entry<String, ObjectNode>> records = RandomRecords.withHistory(random);
    if (random.nextInt(3) == 0) {
      records.addAll(RandomRecords.sentTwice(random));
    }
    records.forEach(record -> RandomRecords.asEhrSends(random, record.getValue()));
    Collections.shuffle(records, random);
    assertSameAssessment(MAPPER.readTree(RandomRecords.request(records).toString()), DataLayer.NOW);
  }

  @TestFactory
  Stream<DynamicTest> everyScenario() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:scenarios*/*.json")) {
      JsonNode scenario;
      try (InputStream in = file.getInputStream()) {
        scenario = MAPPER.readTree(in);
      }
      tests.add(DynamicTest.dynamicTest(file.getFilename(), () -> assertSameAssessment(
          scenario.get("request"), Instant.parse(scenario.get("asOf").asText()))));
    }
    return tests.stream();
  }

  /** The typical and long-stay charts, read at their moment and later, as each look-back passes over their data. */
  @TestFactory
  Stream<DynamicTest> theBenchmarkCharts() {
    Instant dated = Instant.parse("2026-11-20T09:00:00Z");
    return Stream.of(Charts.Size.values()).flatMap(size -> Stream.of(0, 2, 23, 49, 73, 24 * 8, 24 * 15, 24 * 100)
        .map(hours -> DynamicTest.dynamicTest(size + " read " + hours + " h later", () -> assertSameAssessment(
            MAPPER.readTree(Charts.request(size, dated)), dated.plus(Duration.ofHours(hours))))));
  }

  /**
   * @param call the call's whole JSON tree: the diagnostics read it so, the hook call as {@link HookCallTree}
   *     reads it
   */
  private static void assertSameAssessment(JsonNode call, Instant now) {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    PatientDataReader reader = ServiceParts.reader(ServiceParts.NO_SERVER, clock);
    PatientDataRequest whole = dataRequest(HookRequest.prefetchOf(call));
    PatientDataRequest request = dataRequest(HookRequest.prefetchAsHookCallsRead(call.toString()));
    Map<String, String> templates = DataLayer.DEFINITION.prefetch();
    Assessment everyResource;
    try {
      everyResource = ServiceParts.triage(clock).assess(reader.explain(templates, whole, ReadingReport.NONE));
    } catch (InvalidPrefetchException refusedByHapi) {
      // HAPI's parser refuses the whole key for one bad value anywhere; the hook call refuses it only where the
      // value is one it reads, and otherwise triages the rest. It never refuses what HAPI's parser accepts.
      return;
    }
    Throwable failure = catchThrowable(() -> ServiceParts.triage(clock).assess(Await.value(reader.read(templates, request))));
    if (failure instanceof RequiredDataUnavailableException) {
      return; // a medicine named by a reference nothing resolves: fetched, and without a server a 412, in both
    }
    assertThat(failure).as("the hook call failed where every resource was read").isNull();
    assertThat(ServiceParts.triage(clock).assess(Await.value(reader.read(templates, request)))).isEqualTo(everyResource);
  }

  private static PatientDataRequest dataRequest(Map<String, JsonNode> prefetch) {
    return new PatientDataRequest(HookRequest.PATIENT_ID, Map.of("context.patientId", HookRequest.PATIENT_ID), prefetch,
        Optional.empty());
  }
}
