package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.TestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * Two instances of the packaged jar, each a {@code java -jar} process of its own on its own ports, in the production
 * profile with the settings of the Kubernetes ConfigMap ({@code ops/k8s/configmap.yaml}), sharing one PostgreSQL
 * (embedded, from Maven Central): what one instance knows, the other knows, and stopping one while calls are under
 * way loses none that the other could take.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

  static final String SERVICE = "/cds-services/petechiae-triage";
  /** What the Deployment's preStop pause gives the Service to take a stopping pod out of rotation; shorter here. */
  static final Duration PRE_STOP = Duration.ofMillis(300);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static EmbeddedPostgres postgres;
  private static ServiceProcess a;
  private static ServiceProcess b;
  /** The public URL of the service root, from the ConfigMap: what every JWT's aud is made of. */
  private static String externalBaseUrl;

  @BeforeAll
  static void startTwoInstancesOnOneDatabase() throws Exception {
    postgres = EmbeddedPostgres.start();
    Path work = Files.createDirectories(Path.of("target", "two-instances"));
    Map<String, Object> configMaps = configMaps();
    Path config = Files.createDirectories(work.resolve("config"));
    Files.writeString(config.resolve("application.yml"), text(configMaps, "pinpoint-config", "application.yml"));
    Path terminology = Files.createDirectories(work.resolve("terminology"));
    Files.writeString(terminology.resolve("site-non-blanching-findings.json"),
        text(configMaps, "pinpoint-terminology", "site-non-blanching-findings.json"));
    externalBaseUrl = Tree.of(new Yaml().load(text(configMaps, "pinpoint-config", "application.yml")))
        .text("pinpoint", "security", "external-base-url");

    List<String> arguments = List.of(
        "--spring.profiles.active=production",
        "--spring.config.additional-location=optional:file:" + config.toAbsolutePath() + "/",
        "--pinpoint.terminology.extra-path=" + terminology.toAbsolutePath(),
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--pinpoint.security.clients[0].issuer=" + TestClient.ISSUER,
        "--pinpoint.security.clients[0].jwks-uri=" + TestClient.shared().jwksFile(),
        "--" + "pinpoint.metrics.feedback-refresh=PT0S");
    Path jar = Path.of(System.getProperty("pinpoint.jar", "target/pinpoint-0.1.0-SNAPSHOT.jar"));
    a = ServiceProcess.start("a", jar, work, arguments);
    b = ServiceProcess.start("b", jar, work, arguments);
    a.awaitReady();
    b.awaitReady();
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (ServiceProcess instance : new ServiceProcess[] {a, b}) {
      if (instance != null) {
        instance.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void aTokenAcceptedByOneInstanceIsAReplayForTheOther() throws Exception {
    double replays = metric(b, "pinpoint_jwt_rejections_total", "reason=\"replay\"");
    String token = bearer(SERVICE);
    String call = HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p-replay", Instant.now());

    assertThat(post(a, SERVICE, token, call).statusCode()).isEqualTo(200);
    HttpResponse<String> replayed = post(b, SERVICE, token, call);

    assertThat(replayed.statusCode()).isEqualTo(401);
    assertThat(replayed.body()).isEmpty();
    assertThat(metric(b, "pinpoint_jwt_rejections_total", "reason=\"replay\"")).isEqualTo(replays + 1);
  }

  @Test
  @Order(2)
  void feedbackSentToOneInstanceIsCountedByTheOther() throws Exception {
    int accepted = sameDayCbc(report(b)).path("cardsAccepted").asInt();
    JsonNode card = JSON.readTree(post(a, SERVICE, bearer(SERVICE),
        HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p-feedback", Instant.now())).body())
        .at("/cards/0");

    HttpResponse<String> feedback = post(a, SERVICE + "/feedback", bearer(SERVICE + "/feedback"),
        HookRequests.accepted(card.get("uuid").asText(), card.at("/suggestions/0/uuid").asText(), Instant.now()));

    assertThat(feedback.statusCode()).isEqualTo(200);
    JsonNode counted = sameDayCbc(report(b));
    assertThat(counted.path("cardsAccepted").asInt()).isEqualTo(accepted + 1);
    assertThat(metric(b, "pinpoint_feedback_cards", "status=\"accepted\",topic=\"same-day-cbc\""))
        .isEqualTo(counted.path("cardsAccepted").asDouble());
    assertThat(metric(b, "pinpoint_feedback_rate", "outcome=\"accepted\",topic=\"same-day-cbc\""))
        .isEqualTo(counted.path("acceptanceRate").asDouble());
  }

  @Test
  @Order(3)
  void logsAreJsonLinesWithTheHookInstanceAndNoTokenNorClinicalData() throws Exception {
    String hookInstance = UUID.randomUUID().toString();
    String accessToken = "fhir-token-" + UUID.randomUUID();
    String jwt = bearer(SERVICE);
    ObjectNode call = (ObjectNode) JSON.readTree(HookRequests.unexplainedPetechiae(hookInstance, "p-logs", Instant.now()));
    ((ObjectNode) call.get("prefetch")).remove("plateletCounts");
    call.put("fhirServer", "http://127.0.0.1:" + ServiceProcess.freePort())
        .putObject("fhirAuthorization").put("access_token", accessToken).put("token_type", "Bearer")
        .put("expires_in", 300).put("scope", "user/*.read").put("subject", "pinpoint");

    assertThat(post(a, SERVICE, jwt, call.toString()).statusCode()).isEqualTo(412);
    assertThat(post(a, SERVICE, jwt, call.toString()).statusCode()).as("the same token again").isEqualTo(401);

    List<JsonNode> lines = new ArrayList<>();
    for (String line : a.logLines()) {
      lines.add(parse(line).orElseThrow(() -> new AssertionError("not a JSON log line: " + line)));
    }
    assertThat(lines).anySatisfy(line -> {
      assertThat(line.path("hookInstance").asText()).isEqualTo(hookInstance);
      assertThat(line.path("message").asText()).startsWith("412 (unreachable)");
    });
    assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("replay"));
    String log = String.join("\n", a.logLines());
    assertThat(log).doesNotContain(accessToken).doesNotContain(jwt.substring("Bearer ".length()))
        .doesNotContain("1979-04-12").doesNotContain("p-logs");
  }

  /**
   * Instance a is stopped as Kubernetes stops a pod (ops/k8s/deployment.yaml): taken out of rotation, a pause for the
   * calls already routed to it (preStop), then SIGTERM. The call still under way on a when SIGTERM arrives is
   * answered; a caller whose list of instances is stale gets connection refused from a and takes b. Without the
   * pause, Tomcat resets the connections that reach it between the moment it stops accepting and the moment it closes
   * its port (a few milliseconds), which is why the Deployment has its preStop pause.
   */
  @Test
  @Order(4)
  void stoppingOneInstanceMidLoadLosesNoCallTheOtherCouldTake() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AlternatingLoad load = new AlternatingLoad(List.of(a.url(SERVICE), b.url(SERVICE)), i -> new AlternatingLoad.Call(
        HookRequests.unexplainedPetechiae("load-" + run + "-" + i, "p-load", Instant.now()), bearer(SERVICE)));
    CompletableFuture<AlternatingLoad.Result> running = CompletableFuture.supplyAsync(() -> {
      try {
        return load.run(5_000, 4);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    awaitAnswered(load, 80);

    HttpResponse<String> inFlight;
    try (SlowFhirServer fhir = SlowFhirServer.start(Duration.ofSeconds(1))) {
      ObjectNode slowCall = (ObjectNode) JSON.readTree(
          HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p-slow", Instant.now()));
      ((ObjectNode) slowCall.get("prefetch")).remove("cbcOrders");
      slowCall.put("fhirServer", fhir.url());
      CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
        try {
          return post(a, SERVICE, bearer(SERVICE), slowCall.toString());
        } catch (IOException | InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      fhir.awaitRequest();
      load.remove(a.url(SERVICE));
      Thread.sleep(PRE_STOP.toMillis());
      a.terminate();
      inFlight = slow.get();
    }
    int exit = a.awaitExit(Duration.ofSeconds(60));
    load.add(a.url(SERVICE));
    awaitAnswered(load, load.succeeded() + 60);
    load.stop();
    AlternatingLoad.Result done = running.get();
    System.out.printf("%d calls answered, %d refused by the stopped instance and taken by the other, %d failed%n",
        done.succeeded(), done.retried(), done.failures().size());

    assertThat(done.failures()).as("failed calls").isEmpty();
    assertThat(done.retried()).as("calls refused by the stopped instance and taken by the other").isPositive();
    assertThat(inFlight.statusCode()).as("the call under way at SIGTERM: " + inFlight.body()).isEqualTo(412);
    assertThat(inFlight.body()).contains("found nothing at the query");
    assertThat(exit).as("exit code after SIGTERM").isIn(0, 143);
    assertThat(String.join("\n", a.logLines())).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
    // Every call answered is in the shared audit trail: the stopped instance wrote its queue before it exited.
    assertThat(audited("load-" + run + "-%", done.succeeded())).isEqualTo(done.succeeded());
  }

  private static void awaitAnswered(AlternatingLoad load, int answered) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (load.succeeded() < answered) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + load.succeeded() + " of " + answered + " calls answered in 2 minutes");
      }
      Thread.sleep(20);
    }
  }

  /** The rows of the audit trail whose hook instance is like {@code pattern}, once there are {@code expected}. */
  private static long audited(String pattern, long expected) throws InterruptedException {
    JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long rows;
    do {
      Thread.sleep(100);
      rows = database.queryForObject("select count(*) from hook_call_audit where hook_instance like ?", Long.class,
          pattern);
    } while (rows < expected && System.nanoTime() < deadline);
    return rows;
  }

  private static Optional<JsonNode> parse(String line) {
    try {
      JsonNode json = JSON.readTree(line);
      return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String bearer(String path) {
    return TestClient.bearer(externalBaseUrl + path);
  }

  private static HttpResponse<String> post(ServiceProcess instance, String path, String authorization, String body)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(instance.url(path))
        .header("Content-Type", "application/json")
        .header("Authorization", authorization)
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode report(ServiceProcess instance) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(instance.url("/feedback-report"))
        .header("Authorization", bearer("/feedback-report")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET /feedback-report on %s", instance.name).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode sameDayCbc(JsonNode report) {
    for (JsonNode topic : report.path("topics")) {
      if (topic.path("topic").asText().equals("same-day-cbc")) {
        return topic;
      }
    }
    return JSON.createObjectNode();
  }

  /** The value of one sample of {@code /actuator/prometheus} on the management port; 0 when it is not there yet. */
  private static double metric(ServiceProcess instance, String name, String labels) throws Exception {
    for (String line : instance.get(instance.management("/actuator/prometheus")).split("\n")) {
      if (line.startsWith(name + "{") && line.contains(labels)) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return 0;
  }

  private static Map<String, Object> configMaps() throws IOException {
    Map<String, Object> byName = new HashMap<>();
    try (Reader in = Files.newBufferedReader(Path.of("ops", "k8s", "configmap.yaml"))) {
      for (Object document : new Yaml().loadAll(in)) {
        Tree tree = Tree.of(document);
        byName.put(tree.text("metadata", "name"), tree.get("data"));
      }
    }
    return byName;
  }

  private static String text(Map<String, Object> configMaps, String name, String key) {
    return Tree.of(configMaps.get(name)).text(key);
  }
}
