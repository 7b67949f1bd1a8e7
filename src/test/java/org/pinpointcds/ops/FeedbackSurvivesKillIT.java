package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pinpointcds.testing.HookRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Acknowledged means stored: the packaged jar on its embedded defaults (the H2 file under its data directory) is
 * killed with {@code kill -9} while clients post feedback, then started again on the same directory. Every item
 * that was answered 200 is there; items whose answer never came may or may not be.
 */
class FeedbackSurvivesKillIT {

  private static final String FEEDBACK = "/cds-services/petechiae-triage/feedback";
  private static final int CLIENTS = 8;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyAcknowledgedFeedbackItemIsThereAfterKillNine() throws Exception {
    Path work = Path.of("target", "feedback-survives-kill");
    FileSystemUtils.deleteRecursively(work);
    Files.createDirectories(work);
    Path jar = Path.of(System.getProperty("pinpoint.jar", "target/pinpoint-0.1.0-SNAPSHOT.jar"));
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    try (ServiceProcess first = ServiceProcess.start("first", jar, work, List.of()).awaitReady()) {
      AtomicBoolean killed = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long started = System.nanoTime();
      for (int i = 0; i < CLIENTS; i++) {
        clients.execute(() -> {
          while (!killed.get()) {
            String card = UUID.randomUUID().toString();
            if (post(first, HookRequests.overridden(card, "already-assessed", Instant.now())) == 200) {
              acknowledged.add(card);
            }
          }
        });
      }
      while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
        Thread.sleep(5);
      }
      first.kill();
      double seconds = (System.nanoTime() - started) / 1e9;
      killed.set(true);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      System.out.printf("%d feedback items acknowledged in %.1f s (%.0f/s) before kill -9%n", acknowledged.size(),
          seconds, acknowledged.size() / seconds);
    }

    try (ServiceProcess second = ServiceProcess.start("second", jar, work, List.of()).awaitReady()) {
      long overridden = 0;
      for (JsonNode topic : JSON.readTree(second.get(second.url("/feedback-report"))).path("topics")) {
        overridden += topic.path("topic").asText().equals("unknown-card") ? topic.path("cardsOverridden").asLong() : 0;
      }
      assertThat(overridden).as("overridden cards in the report after the restart")
          .isGreaterThanOrEqualTo(acknowledged.size());
      second.terminate();
      second.awaitExit(Duration.ofSeconds(60));
    }
    Set<String> stored = Set.copyOf(storedCards(work.resolve("data")));
    assertThat(acknowledged.stream().filter(card -> !stored.contains(card)).toList())
        .as("acknowledged feedback items missing after kill -9").isEmpty();
  }

  /** 200, or 0 when the connection broke (the kill): an answer the client never got acknowledges nothing. */
  private static int post(ServiceProcess service, String body) {
    return ServiceProcess.status(HttpRequest.newBuilder(service.url(FEEDBACK)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  /** The card of every stored item, read from the H2 file once no instance holds it open. */
  private static List<String> storedCards(Path dataDir) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("pinpoint"));
    h2.setUser("sa");
    return new JdbcTemplate(h2).queryForList("select card_uuid from card_feedback", String.class);
  }
}
