package org.pinpointcds.protocol;

import org.pinpointcds.testing.CdsCalls;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pinpointcds.storage.BatchWriter;
import org.pinpointcds.testing.HookRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A call that waits for the EHR's FHIR server holds no request thread: with two request threads and four calls
 * waiting on a stalled FHIR server, a call whose prefetch holds everything is answered at once. The waiting calls
 * are answered when their data comes (or the budget ends), and the audit trail records what they were answered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"server.tomcat.threads.max=2", "pinpoint.fetch.budget=PT3S", "pinpoint.fetch.call-timeout=PT3S"})
class StalledFhirServerTests {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String EMPTY_SEARCHSET = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}";
  /** Two keys left out of the prefetch: each call fetches them, two Observation searches. */
  private static final List<String> FETCHED_KEYS = List.of("temperatures", "plateletCounts");

  @RegisterExtension
  static WireMockExtension ehr = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @LocalServerPort
  int port;

  @Autowired
  JdbcTemplate jdbc;

  /** The audit trail's queue among them. */
  @Autowired
  List<BatchWriter<?>> queues;

  @BeforeEach
  void resetServer() {
    ehr.resetAll();
  }

  @Test
  void callsWaitingForAStalledServerDoNotHoldUpACallWithItsPrefetch() throws Exception {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(EMPTY_SEARCHSET).withFixedDelay(8000)));
    List<String> waiting = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID().toString()).toList();
    List<CompletableFuture<HttpResponse<String>>> stalled = waiting.stream().map(this::callFetching).toList();
    awaitServerRequests(waiting.size() * FETCHED_KEYS.size());

    String prefetched = UUID.randomUUID().toString();
    HttpResponse<String> answer = call(HookRequests.unexplainedPetechiae(prefetched, "p1", Instant.now())).join();

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("same-day-cbc");
    assertThat(stalled).as("the calls waiting for the FHIR server").noneMatch(CompletableFuture::isDone);
    assertThat(stalled).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(412));
    waiting.forEach(hookInstance -> {
      Map<String, Object> row = auditOf(hookInstance);
      assertThat(row).containsEntry("outcome", "412");
      assertThat((Long) row.get("latency_ms")).as("audited when answered, not when its thread was let go")
          .isGreaterThanOrEqualTo(2900);
    });
  }

  @Test
  void aCallWhoseDataArrivesLateIsAnsweredWithItsCards() {
    ehr.stubFor(get(urlPathEqualTo("/fhir/Observation")).willReturn(okJson(EMPTY_SEARCHSET).withFixedDelay(300)));
    String hookInstance = UUID.randomUUID().toString();

    HttpResponse<String> answer = callFetching(hookInstance).join();

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.body()).contains("same-day-cbc");
    assertThat(auditOf(hookInstance)).containsEntry("outcome", "same-day-cbc");
    assertThat(ehr.getAllServeEvents()).hasSize(FETCHED_KEYS.size());
  }

  /** The unexplained-petechiae call with its temperatures and platelet counts left to fetch from the FHIR server. */
  private CompletableFuture<HttpResponse<String>> callFetching(String hookInstance) {
    try {
      ObjectNode request = (ObjectNode) MAPPER.readTree(HookRequests.unexplainedPetechiae(hookInstance, "p1", Instant.now()));
      FETCHED_KEYS.forEach(((ObjectNode) request.get("prefetch"))::remove);
      request.put("fhirServer", ehr.baseUrl() + "/fhir");
      return call(request.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private CompletableFuture<HttpResponse<String>> call(String body) {
    return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + CdsCalls.TRIAGE))
        .header("Content-Type", CdsCalls.JSON)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the FHIR server has received {@code count} requests: WireMock logs each before its delay. */
  private static void awaitServerRequests(int count) throws InterruptedException {
    long deadline = System.nanoTime() + 4_000_000_000L;
    while (ehr.getAllServeEvents().size() < count) {
      assertThat(System.nanoTime()).as("%d requests at the FHIR server", count).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private Map<String, Object> auditOf(String hookInstance) {
    queues.forEach(BatchWriter::flush);
    return jdbc.queryForMap("select * from hook_call_audit where hook_instance = ?", hookInstance);
  }
}
