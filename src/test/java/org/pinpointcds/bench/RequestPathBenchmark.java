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
import org.pinpointcds.protocol.OrderCheckHandler;
import org.pinpointcds.protocol.PetechiaeTriageHandler;
import org.pinpointcds.testing.ServiceParts;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The request path without HTTP (request bytes, parsed, read into a snapshot, triaged, rendered as cards and
 * written as the response's JSON bytes) on the three chart sizes of {@link Charts}, each as a ratio to its floor:
 * the same bytes read into a plain Jackson tree, measured in the same run (issue 7: goal at most 2 on the typical
 * chart and 3 on the long stay). The order-sign call of {@code antithrombotic-order-check} on the same chart (its six
 * keys and a draft apixaban order) is measured against the floor of its own bytes, under the same goals.
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
  private byte[] orderSignBody;
  private CdsRequestParser parser;
  private PetechiaeTriageHandler handler;
  private OrderCheckHandler orderCheck;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    body = Charts.request(chart, Instant.now());
    parser = new CdsRequestParser(mapper);
    handler = ServiceParts.handler(Clock.systemUTC());
    orderSignBody = Charts.orderSignRequest(chart, Instant.now());
    orderCheck = ServiceParts.orderCheckHandler(Clock.systemUTC());
    if (mapper.readTree(requestPath()).path("cards").isEmpty()) {
      throw new IllegalStateException("the " + chart + " chart gives no card: the benchmark would measure nothing");
    }
    if (mapper.readTree(orderSign()).path("cards").isEmpty()) {
      throw new IllegalStateException("the " + chart + " order-sign call gives no card: it would not measure the cards");
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

  @Benchmark
  public JsonNode orderSignFloor() throws IOException {
    return mapper.readTree(orderSignBody);
  }

  @Benchmark
  public byte[] orderSign() throws IOException {
    return answerWriter.writeValueAsBytes(
        new CdsResponse(Futures.valueOf(orderCheck.handle(parser.parse(orderSignBody)))));
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
      String benchmark = result.getParams().getBenchmark();
      int column = benchmark.endsWith("requestPath") ? 1 : benchmark.endsWith("orderSignFloor") ? 4
          : benchmark.endsWith("orderSign") ? 5 : 0;
      scores.computeIfAbsent(size, s -> new double[8])[column] = result.getPrimaryResult().getScore();
      scores.get(size)[column + 2] = result.getPrimaryResult().getScoreError();
    }
    StringBuilder report = new StringBuilder("Request path benchmark, " + machine + " (at the start)\n"
        + "(JMH average time per call, one thread, forks 0; written by RequestPathBenchmark, not by hand)\n"
        + "call        chart       bytes       floor (Jackson tree)   request path           ratio  goal\n");
    scores.forEach((size, s) -> {
      String goal = switch (size) {
        case MINIMAL -> "-";
        case TYPICAL -> "<= 2";
        case LONG_STAY -> "<= 3";
      };
      String chart = size.fileName().replace(".json", "");
      report.append("%-11s %-10s %9d  %9.1f ± %6.1f us  %9.1f ± %6.1f us  %5.2f  %s%n".formatted("patient-view", chart,
          Charts.request(size, Instant.now()).length, s[0], s[2], s[1], s[3], s[1] / s[0], goal));
      report.append("%-11s %-10s %9d  %9.1f ± %6.1f us  %9.1f ± %6.1f us  %5.2f  %s%n".formatted("order-sign", chart,
          Charts.orderSignRequest(size, Instant.now()).length, s[4], s[6], s[5], s[7], s[5] / s[4], goal));
    });
    report.append("load average at the end: ").append(Machine.describe().replaceAll(".*load average ", "")).append('\n');
    System.out.print(report);
    Machine.write("request-path.txt", report.toString());
  }
}
