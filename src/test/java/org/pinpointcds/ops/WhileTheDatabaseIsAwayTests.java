package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.PinpointApplication;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.TestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL stopped under running instances, then started again. What needs the database (the shared jti store,
 * feedback) answers 503 with {@code Retry-After} and an OperationOutcome within a couple of seconds, never a 500 or
 * a hang; hook calls on the in-memory jti store go on answering; once the database is back, everything answers.
 */
class WhileTheDatabaseIsAwayTests {

  private static final String BASE_URL = "https://cds.hospital.example";
  private static final String SERVICE = "/cds-services/petechiae-triage";
  private static final String FEEDBACK = SERVICE + "/feedback";
  /** Hikari's connection timeout (1.5 s) and some room for a loaded build machine. */
  private static final Duration PROMPTLY = Duration.ofSeconds(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path postgresData;

  @Test
  void callsThatNeedTheDatabaseAre503WithRetryAfterUntilItIsBack() throws Exception {
    EmbeddedPostgres postgres = postgres(0);
    int postgresPort = postgres.getPort();
    try (ConfigurableApplicationContext shared = start(postgres, "database");
        ConfigurableApplicationContext local = start(postgres, "memory")) {
      assertThat(hookCall(shared).statusCode()).isEqualTo(200);

      postgres.close();

      assertDatabaseUnavailable(shared, SERVICE, () -> hookCall(shared));
      assertDatabaseUnavailable(shared, FEEDBACK, () -> feedback(shared));
      assertDatabaseUnavailable(local, FEEDBACK, () -> feedback(local));
      HttpResponse<String> withLocalStore = hookCall(local);
      assertThat(withLocalStore.statusCode()).as("a hook call on the in-memory jti store: " + withLocalStore.body())
          .isEqualTo(200);
      assertThat(JSON.readTree(withLocalStore.body()).at("/cards/0/source/topic/code").asText())
          .isEqualTo("same-day-cbc");

      postgres = postgres(postgresPort);

      assertThat(answeredWithin(Duration.ofSeconds(20), () -> hookCall(shared))).isEqualTo(200);
      assertThat(feedback(shared).statusCode()).isEqualTo(200);
      assertThat(feedback(local).statusCode()).isEqualTo(200);
    } finally {
      postgres.close();
    }
  }

  private void assertDatabaseUnavailable(ConfigurableApplicationContext instance, String path, Call call)
      throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> answer = call.send();
    Duration waited = Duration.ofNanos(System.nanoTime() - started);

    assertThat(answer.statusCode()).as("%s while the database is away: %s", path, answer.body()).isEqualTo(503);
    assertThat(waited).as("time to the 503 of %s", path).isLessThan(PROMPTLY);
    assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    JsonNode outcome = JSON.readTree(answer.body());
    assertThat(outcome.path("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(outcome.at("/issue/0/code").asText()).isEqualTo("transient");
    assertThat(outcome.at("/issue/0/diagnostics").asText()).contains("database");
    assertThat(answer.body()).doesNotContain("Exception", "\tat ");
    assertThat(instance.isRunning()).isTrue();
  }

  private static int answeredWithin(Duration patience, Call call) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    int status;
    do {
      status = call.send().statusCode();
    } while (status != 200 && System.nanoTime() < deadline);
    return status;
  }

  private EmbeddedPostgres postgres(int port) throws Exception {
    return EmbeddedPostgres.builder().setDataDirectory(postgresData).setCleanDataDirectory(false).setPort(port).start();
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, String replayStore) {
    return new SpringApplicationBuilder(PinpointApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--pinpoint.security.replay-store=" + replayStore,
        "--pinpoint.security.require-token=true",
        "--pinpoint.security.external-base-url=" + BASE_URL,
        "--pinpoint.security.clients[0].issuer=" + TestClient.ISSUER,
        "--pinpoint.security.clients[0].jwks-uri=" + TestClient.shared().jwksFile());
  }

  private HttpResponse<String> hookCall(ConfigurableApplicationContext instance) throws Exception {
    return post(instance, SERVICE,
        HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(), "p-outage", Instant.now()));
  }

  private HttpResponse<String> feedback(ConfigurableApplicationContext instance) throws Exception {
    return post(instance, FEEDBACK, HookRequests.overridden(UUID.randomUUID().toString(), "already-assessed",
        Instant.now()));
  }

  private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String body)
      throws Exception {
    int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", TestClient.bearer(BASE_URL + path))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @FunctionalInterface
  private interface Call {
    HttpResponse<String> send() throws Exception;
  }
}
