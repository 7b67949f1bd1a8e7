package org.pinpointcds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pinpointcds.PinpointApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Readiness follows the shared database: when PostgreSQL goes away the instance is taken out of rotation (503 with
 * {@code db} DOWN) but stays alive, so that a database outage does not restart every pod.
 */
class ReadinessFollowsTheDatabaseTests {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readinessIsDownWhileTheDatabaseIsAwayAndLivenessIsNot() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.start();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PinpointApplication.class).run(
        "--server.port=0",
        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--spring.datasource.hikari.connection-timeout=1000",
        "--pinpoint.security.replay-store=database")) {
      String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
      assertThat(get(base + "/actuator/health/readiness").statusCode()).isEqualTo(200);

      postgres.close();

      HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
      assertThat(readiness.statusCode()).isEqualTo(503);
      JsonNode components = JSON.readTree(readiness.body()).get("components");
      assertThat(components.at("/db/status").asText()).isEqualTo("DOWN");
      assertThat(components.at("/terminology/status").asText()).isEqualTo("UP");
      assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
    } finally {
      postgres.close();
    }
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
