package org.pinpointcds.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.pinpointcds.data.FhirAccess;
import org.pinpointcds.data.FhirServerFetcher;
import org.pinpointcds.testing.FetchSettingsFor;

/**
 * The fetch path's latency as a ratio to its baseline, the slowest single query, both measured in the same
 * run against WireMock with fixed delays per prefetch key (issue 3: goal at most 1.2).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.pinpointcds.bench.FetchPathBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FetchPathBenchmark {

  /** Delay of each key's query, in ms: an EHR answering the eight prefetch queries at different speeds. */
  private static final Map<String, Integer> DELAYS = new LinkedHashMap<>();

  static {
    DELAYS.put("patient", 20);
    DELAYS.put("skinFindings", 60);
    DELAYS.put("temperatures", 80);
    DELAYS.put("plateletCounts", 100);
    DELAYS.put("conditions", 40);
    DELAYS.put("medicationStatements", 150);
    DELAYS.put("medicationRequests", 90);
    DELAYS.put("cbcOrders", 30);
  }

  private WireMockServer ehr;
  private FhirServerFetcher fetcher;
  private FhirAccess access;
  private Map<String, String> allKeys;
  private Map<String, String> slowestKey;

  @Setup(Level.Trial)
  public void start() {
    ehr = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(32));
    ehr.start();
    String page = bundleOf(10);
    allKeys = new LinkedHashMap<>();
    DELAYS.forEach((key, delay) -> {
      ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).withQueryParam("key", equalTo(key))
          .willReturn(okJson(page).withFixedDelay(delay)));
      allKeys.put(key, "Observation?patient=p1&key=" + key);
    });
    String slowest = DELAYS.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    slowestKey = Map.of(slowest, allKeys.get(slowest));
    // A budget no fetch here comes near, also the first, cold one on a busy machine: this measures parallelism.
    fetcher = new FhirServerFetcher(FhirContext.forR4Cached(),
        FetchSettingsFor.properties("budget=PT30S", "call-timeout=PT20S"));
    access = new FhirAccess(URI.create(ehr.baseUrl() + "/fhir"), Optional.of("benchmark-token"));
  }

  @TearDown(Level.Trial)
  public void stop() {
    ehr.stop();
  }

  @Benchmark
  public Map<String, List<IBaseResource>> slowestSingleQuery() {
    return fetcher.fetch(access, slowestKey).join();
  }

  @Benchmark
  public Map<String, List<IBaseResource>> allEightKeysMissing() {
    return fetcher.fetch(access, allKeys).join();
  }

  private static String bundleOf(int observations) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < observations; i++) {
      entries.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o")
          .append(i).append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\","
              + "\"code\":\"8310-5\"}]},\"effectiveDateTime\":\"2026-11-20T08:00:00Z\","
              + "\"valueQuantity\":{\"value\":37.1,\"unit\":\"C\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"Cel\"}}}");
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[" + entries + "]}";
  }

  public static void main(String[] args) throws Exception {
    var options = new OptionsBuilder()
        .include(FetchPathBenchmark.class.getSimpleName())
        .forks(0) // I/O-bound: the delays dominate, and exec:java cannot fork with the test classpath
        .warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
        .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(3))
        .build();
    double all = 0;
    double slowest = 0;
    for (RunResult result : new Runner(options).run()) {
      double score = result.getPrimaryResult().getScore();
      if (result.getParams().getBenchmark().endsWith("allEightKeysMissing")) {
        all = score;
      } else {
        slowest = score;
      }
    }
    String report = """
        Fetch path benchmark, %s, on %d cores, Java %s, %s
        (WireMock on loopback, fixed delays %s ms; written by FetchPathBenchmark, not by hand)
        slowest single query alone : %.1f ms
        all eight keys missing     : %.1f ms
        ratio (goal <= 1.2)        : %.3f
        """.formatted(java.time.LocalDate.now(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            DELAYS.values(), slowest, all, all / slowest);
    System.out.print(report);
    Path out = Path.of("docs", "benchmarks", "fetch-path.txt");
    try {
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
    } catch (IOException e) {
      System.err.println("could not write " + out + ": " + e.getMessage());
    }
  }
}
