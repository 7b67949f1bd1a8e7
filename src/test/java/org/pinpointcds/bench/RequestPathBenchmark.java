package org.pinpointcds.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.pinpointcds.concurrent.Futures;
import org.pinpointcds.protocol.CdsRequestParser;
import org.pinpointcds.protocol.CdsResponse;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.testing.ServiceParts;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The request path without HTTP (request bytes, parsed, read into a snapshot, triaged, rendered as cards and
 * written as the response's JSON bytes) on the three chart sizes of {@link Charts}, each as a ratio to its floor:
 * the same bytes read into a plain Jackson tree, measured in the same run (issue 7: goal at most 2 on the typical
 * chart and 3 on the long stay).
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.pinpointcds.bench.RequestPathBenchmark}; writes docs/benchmarks/request-path.txt.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestPathBenchmark {

  @Param({"MINIMAL", "TYPICAL", "LONG_STAY"})
  public Charts.Size chart;

  /** Configured as Spring Boot configures the service's mapper. */
  private final ObjectMapper mapper = Jackson2ObjectMapperBuilder.json().build();
  /** A writer prepared once for the answer, as the controller's {@code AnswerWriter} writes it. */
  private final ObjectWriter answerWriter = mapper.writerFor(CdsResponse.class);
  private byte[] body;
  private CdsRequestParser parser;
  private PetechiaeTriageHandler handler;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    body = Charts.request(chart, Instant.now());
    parser = new CdsRequestParser(mapper);
    handler = ServiceParts.handler(Clock.systemUTC());
    if (mapper.readTree(requestPath()).path("cards").isEmpty()) {
      throw new IllegalStateException("the " + chart + " chart gives no card: the benchmark would measure nothing");
    }
  }

  @Benchmark
  public JsonNode floor() throws IOException {
    return mapper.readTree(body);
  }

  @Benchmark
  public byte[] requestPath() throws IOException {
    return answerWriter.writeValueAsBytes(new CdsResponse(Futures.valueOf(handler.handle(parser.parse(body)))));
  }

  public static void main(String[] args) throws Exception {
    String machine = Machine.describe();
    var options = new OptionsBuilder()
        .include(RequestPathBenchmark.class.getSimpleName())
        .forks(0) // exec:java cannot fork with the test classpath; warm-up iterations stand in for a fresh JVM
        .warmupIterations(4).warmupTime(TimeValue.seconds(2))
        .measurementIterations(5).measurementTime(TimeValue.seconds(2))
        .build();
    Map<Charts.Size, double[]> scores = new EnumMap<>(Charts.Size.class);
    for (RunResult result : new Runner(options).run()) {
      Charts.Size size = Charts.Size.valueOf(result.getParams().getParam("chart"));
      int column = result.getParams().getBenchmark().endsWith("floor") ? 0 : 1;
      scores.computeIfAbsent(size, s -> new double[4])[column] = result.getPrimaryResult().getScore();
      scores.get(size)[column + 2] = result.getPrimaryResult().getScoreError();
    }
    StringBuilder report = new StringBuilder("Request path benchmark, " + machine + " (at the start)\n"
        + "(JMH average time per call, one thread, forks 0; written by RequestPathBenchmark, not by hand)\n"
        + "chart       bytes       floor (Jackson tree)   request path           ratio  goal\n");
    scores.forEach((size, s) -> report.append("%-10s %9d  %9.1f ± %6.1f us  %9.1f ± %6.1f us  %5.2f  %s%n".formatted(
        size.fileName().replace(".json", ""), Charts.request(size, Instant.now()).length, s[0], s[2], s[1], s[3],
        s[1] / s[0], switch (size) {
          case MINIMAL -> "-";
          case TYPICAL -> "<= 2";
          case LONG_STAY -> "<= 3";
        })));
    report.append("load average at the end: ").append(Machine.describe().replaceAll(".*load average ", "")).append('\n');
    System.out.print(report);
    Machine.write("request-path.txt", report.toString());
  }
}
