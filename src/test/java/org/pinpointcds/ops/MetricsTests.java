package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.CdsCalls;
import org.pinpointcds.testing.Fhir;
import org.pinpointcds.testing.HookRequest;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every metric of issue 8 moves with the calls that should move it, under the names and tags the Grafana dashboard
 * queries, and {@code /actuator/prometheus} exports every series the dashboard uses.
 */
class MetricsTests extends ObservedApplicationTest {

  static final Path DASHBOARD = Path.of("ops", "grafana", "pinpoint-dashboard.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  MeterRegistry registry;

  @Test
  void countsHookCallsByServiceHookAndOutcomeAndTheCardsByTopicAndIndicator() throws Exception {
    double calls = calls("same-day-cbc");
    double cards = count("pinpoint.cards.issued", "topic", "same-day-cbc", "indicator", "warning");
    double hits = count("pinpoint.prefetch.keys", "key", "plateletCounts", "result", "hit");

    assertThat(call(unexplainedPetechiae())).isEqualTo(200);

    assertThat(calls("same-day-cbc")).isEqualTo(calls + 1);
    assertThat(count("pinpoint.cards.issued", "topic", "same-day-cbc", "indicator", "warning")).isEqualTo(cards + 1);
    assertThat(count("pinpoint.prefetch.keys", "key", "plateletCounts", "result", "hit")).isEqualTo(hits + 1);
  }

  /** Contract 6: the order check's calls are counted under its own service and hook, its cards under its topics. */
  @Test
  void countsOrderSignCallsUnderTheirServiceAndHook() throws Exception {
    String[] tags = {"service", "antithrombotic-order-check", "hook", "order-sign", "outcome", "high-risk-order"};
    double calls = count("pinpoint.hook.calls", tags);
    double cards = count("pinpoint.cards.issued", "service", "antithrombotic-order-check", "topic", "high-risk-order");
    ObjectNode call = (ObjectNode) JSON.readTree(HookRequest.forAdult()
        .add("plateletCounts", Fhir.plateletCount("plt-low", 12, "10*9/L", Instant.now().minusSeconds(600)))
        .toString());
    call.put("hook", "order-sign");
    ((ObjectNode) call.path("prefetch")).remove(List.of("medicationStatements", "medicationRequests"));
    ((ObjectNode) call.path("context")).set("draftOrders", JSON.readTree("""
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "MedicationRequest",
          "id": "draft-1", "status": "draft", "intent": "order", "medicationCodeableConcept": {"text": "warfarin"}}}]}"""));

    assertThat(call(post(CdsCalls.service("antithrombotic-order-check")).contentType(MediaType.APPLICATION_JSON)
        .content(call.toString()))).isEqualTo(200);

    assertThat(count("pinpoint.hook.calls", tags)).isEqualTo(calls + 1);
    assertThat(count("pinpoint.cards.issued", "service", "antithrombotic-order-check", "topic", "high-risk-order"))
        .isEqualTo(cards + 1);
  }

  /** Contract 5: what could change the triage and could not be read is counted by key and reason. */
  @Test
  void countsUnreadResourcesByKeyAndReason() throws Exception {
    double implausible = count("pinpoint.unread.resources", "key", "temperatures", "reason", "implausible");
    Instant now = Instant.now();
    HookRequest request = HookRequest.forAdult()
        .add("skinFindings", Fhir.skinFinding("skin-1", "petechiae", now.minusSeconds(600)))
        .add("temperatures", Fhir.temperature("temp-hot", 51, "Cel", now.minusSeconds(300)));

    assertThat(call(request)).isEqualTo(200);

    assertThat(count("pinpoint.unread.resources", "key", "temperatures", "reason", "implausible"))
        .isEqualTo(implausible + 1);
  }

  @Test
  void counts412sByCauseAndTimesTheFhirFetchPath() throws Exception {
    double unreachable = count("pinpoint.precondition.failures", "cause", "unreachable");
    double noServer = count("pinpoint.precondition.failures", "cause", "no-fhir-server");
    double misses = count("pinpoint.prefetch.keys", "key", "cbcOrders", "result", "miss");
    double fetches = count("pinpoint.fhir.fetch", "outcome", "unavailable");
    double refused = calls("412");

    assertThat(call(HookRequest.forAdult().without("cbcOrders").field("fhirServer", "http://127.0.0.1:" + closedPort())))
        .isEqualTo(412);
    assertThat(call(HookRequest.forAdult().without("cbcOrders"))).isEqualTo(412);

    assertThat(count("pinpoint.precondition.failures", "cause", "unreachable")).isEqualTo(unreachable + 1);
    assertThat(count("pinpoint.precondition.failures", "cause", "no-fhir-server")).isEqualTo(noServer + 1);
    assertThat(count("pinpoint.prefetch.keys", "key", "cbcOrders", "result", "miss")).isEqualTo(misses + 2);
    assertThat(count("pinpoint.fhir.fetch", "outcome", "unavailable")).isEqualTo(fetches + 1);
    assertThat(calls("412")).isEqualTo(refused + 2);
  }

  @Test
  void countsJwtRejectionsByReason() throws Exception {
    double replays = count("pinpoint.jwt.rejections", "reason", "replay");
    double audiences = count("pinpoint.jwt.rejections", "reason", "audience");
    String token = bearer(SERVICE);

    assertThat(call(unexplainedPetechiae().header(HttpHeaders.AUTHORIZATION, token))).isEqualTo(200);
    assertThat(call(unexplainedPetechiae().header(HttpHeaders.AUTHORIZATION, token))).isEqualTo(401);
    assertThat(mvc.perform(get("/feedback-report").header(HttpHeaders.AUTHORIZATION, bearer("/cds-services")))
        .andReturn().getResponse().getStatus()).isEqualTo(401);

    assertThat(count("pinpoint.jwt.rejections", "reason", "replay")).isEqualTo(replays + 1);
    assertThat(count("pinpoint.jwt.rejections", "reason", "audience")).isEqualTo(audiences + 1);
    assertThat(calls("401")).isPositive();
  }

  @Test
  void hookCallsAreTimedOnceAndOtherRequestsBySpringMvc() throws Exception {
    call(unexplainedPetechiae());
    mvc.perform(get("/cds-services")).andReturn();

    assertThat(registry.find("http.server.requests").tag("uri", "/cds-services").timer()).isNotNull();
    assertThat(registry.find("http.server.requests").tag("method", "POST").timers())
        .as("hook calls are timed by pinpoint.hook.calls only")
        .noneMatch(timer -> timer.getId().getTag("uri").equals("/cds-services/{id}"));
    assertThat(calls("same-day-cbc")).isPositive();
  }

  @Test
  void aPathThatNamesNoServiceIsCountedAsUnknown() throws Exception {
    String madeUp = "made-up-" + UUID.randomUUID();

    assertThat(mvc.perform(post("/cds-services/" + madeUp).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andReturn().getResponse().getStatus()).isEqualTo(404);

    assertThat(registry.find("pinpoint.hook.calls").tags("service", "unknown", "hook", "unknown", "outcome", "404")
        .timer()).isNotNull();
    assertThat(registry.find("pinpoint.hook.calls").tag("service", madeUp).timers()).isEmpty();
  }

  @Test
  void feedbackGaugesAreTheFeedbackReport() throws Exception {
    issueAndAccept();

    JsonNode topic = report("same-day-cbc");
    assertThat(gauge("pinpoint.feedback.cards", "topic", "same-day-cbc", "status", "issued"))
        .isEqualTo(topic.get("cardsIssued").asDouble());
    assertThat(gauge("pinpoint.feedback.cards", "topic", "same-day-cbc", "status", "accepted"))
        .isEqualTo(topic.get("cardsAccepted").asDouble()).isPositive();
    assertThat(gauge("pinpoint.feedback.rate", "topic", "same-day-cbc", "outcome", "accepted"))
        .isEqualTo(topic.get("acceptanceRate").asDouble());
    assertThat(gauge("pinpoint.feedback.rate", "topic", "watchful-waiting", "outcome", "accepted")).isNaN();
  }

  @Test
  void prometheusExportsEveryMetricTheDashboardUses() throws Exception {
    call(unexplainedPetechiae());
    call(HookRequest.forAdult().without("patient").field("fhirServer", "http://127.0.0.1:" + closedPort()));
    call(unexplainedPetechiae().header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt"));
    issueAndAccept();

    String scrape = mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();

    Set<String> exported = new TreeSet<>();
    Matcher sample = Pattern.compile("(?m)^([a-z_]+)\\{").matcher(scrape);
    while (sample.find()) {
      exported.add(sample.group(1));
    }
    assertThat(dashboardMetrics()).isNotEmpty().allSatisfy(metric -> assertThat(exported).contains(metric));
    assertThat(scrape).contains("pinpoint_hook_calls_seconds_bucket{application=\"pinpoint\",hook=\"patient-view\"");
  }

  /** Every metric name in the dashboard's queries. */
  static Set<String> dashboardMetrics() throws IOException {
    Set<String> metrics = new TreeSet<>();
    Pattern name = Pattern.compile("\\b((?:pinpoint|jvm|process)_[a-z_]+)\\b");
    JSON.readTree(DASHBOARD.toFile()).findValues("expr").forEach(expr -> {
      Matcher matcher = name.matcher(expr.asText());
      while (matcher.find()) {
        metrics.add(matcher.group(1));
      }
    });
    return metrics;
  }

  private void issueAndAccept() throws Exception {
    String answer = mvc.perform(unexplainedPetechiae()).andReturn().getResponse().getContentAsString();
    JsonNode card = JSON.readTree(answer).at("/cards/0");
    assertThat(mvc.perform(post(SERVICE + "/feedback").contentType(MediaType.APPLICATION_JSON)
            .content(HookRequests.accepted(card.get("uuid").asText(), card.at("/suggestions/0/uuid").asText(),
                Instant.now())))
        .andReturn().getResponse().getStatus()).isEqualTo(200);
  }

  private JsonNode report(String topic) throws Exception {
    JsonNode report = JSON.readTree(mvc.perform(get("/feedback-report")).andReturn().getResponse().getContentAsString());
    for (JsonNode entry : report.get("topics")) {
      if (entry.get("topic").asText().equals(topic)) {
        return entry;
      }
    }
    throw new AssertionError("no topic " + topic + " in " + report);
  }

  private static MockHttpServletRequestBuilder unexplainedPetechiae() {
    return post(SERVICE).contentType(MediaType.APPLICATION_JSON)
        .content(HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p1", Instant.now()));
  }

  private int call(HookRequest request) throws Exception {
    return call(post(SERVICE).contentType(MediaType.APPLICATION_JSON).content(request.toString()));
  }

  private int call(MockHttpServletRequestBuilder request) throws Exception {
    return answer(request).getStatus();
  }

  private double calls(String outcome) {
    return count("pinpoint.hook.calls", "service", "petechiae-triage", "hook", "patient-view", "outcome", outcome);
  }

  /** How often a counter was incremented or a timer recorded; 0 before the first time. */
  private double count(String name, String... tags) {
    Counter counter = registry.find(name).tags(tags).counter();
    Timer timer = registry.find(name).tags(tags).timer();
    return counter != null ? counter.count() : timer != null ? timer.count() : 0;
  }

  private double gauge(String name, String... tags) {
    Gauge gauge = registry.find(name).tags(tags).gauge();
    assertThat(gauge).as("%s %s", name, String.join(",", tags)).isNotNull();
    return gauge.value();
  }

  /** A loopback port with nothing listening: a FHIR server that refuses the connection. */
  private static int closedPort() throws IOException {
    return ServiceProcess.freePort();
  }
}
