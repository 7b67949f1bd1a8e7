package org.pinpointcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pinpointcds.PinpointApplication;
import org.pinpointcds.testing.HookRequests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded defaults with their H2 file: feedback posted before a restart is still counted after it. */
class FeedbackSurvivesRestartTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(PinpointApplication.class).run("--server.port=0",
        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("pinpoint") + ";DB_CLOSE_ON_EXIT=FALSE");
  }

  private static String baseUrl(ConfigurableApplicationContext context) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private String send(String url, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  @Test
  void countsFeedbackPostedBeforeARestart() throws Exception {
    String hookInstance = UUID.randomUUID().toString();
    try (ConfigurableApplicationContext first = start()) {
      assertThat(first.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
      String base = baseUrl(first);
      JsonNode card = JSON.readTree(send(base + "/cds-services/petechiae-triage",
          HookRequests.unexplainedPetechiae(hookInstance, "p1", Instant.now()))).path("cards").get(0);
      send(base + "/cds-services/petechiae-triage/feedback",
          HookRequests.accepted(card.get("uuid").asText(), card.at("/suggestions/0/uuid").asText(), Instant.now()));
    }

    try (ConfigurableApplicationContext second = start()) {
      FeedbackReport report = JSON.findAndRegisterModules()
          .readValue(send(baseUrl(second) + "/feedback-report", null), FeedbackReport.class);
      assertThat(report.topics()).singleElement().satisfies(topic -> {
        assertThat(topic.topic()).isEqualTo("same-day-cbc");
        assertThat(topic.cardsIssued()).isEqualTo(1);
        assertThat(topic.cardsAccepted()).isEqualTo(1);
      });
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "select client from card_feedback", String.class)).isEqualTo("anonymous");
      assertThat(second.getBean(JdbcTemplate.class).queryForObject(
          "select outcome from hook_call_audit where hook_instance = ?", String.class, hookInstance))
          .isEqualTo("same-day-cbc");
    }
  }
}
