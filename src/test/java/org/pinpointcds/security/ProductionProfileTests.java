package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pinpointcds.PinpointApplication;
import org.pinpointcds.testing.HookRequests;
import org.pinpointcds.testing.OfficialSandbox;
import org.pinpointcds.testing.TestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code --spring.profiles.active=production}: no start without a trusted client or the external base URL, and a JWT
 * on every call.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTests {

  private static SpringApplicationBuilder production() {
    return new SpringApplicationBuilder(PinpointApplication.class).profiles("production");
  }

  @Test
  void refusesToStartWithoutATrustedClient() {
    assertThatThrownBy(() -> production().run("--server.port=0").close())
        .rootCause().hasMessageContaining("no trusted CDS client is configured")
        .hasMessageContaining("pinpoint.security.clients[0].issuer");
  }

  @Test
  void refusesToStartWithoutTheExternalBaseUrl() {
    assertThatThrownBy(() -> production().run("--server.port=0",
        "--pinpoint.security.clients[0].issuer=" + TestClient.ISSUER,
        "--pinpoint.security.clients[0].jwks-uri=" + TestClient.shared().jwksFile()).close())
        .rootCause().hasMessageContaining("pinpoint.security.external-base-url is required");
  }

  @Test
  void requiresATokenOnEveryCallAndWarnsThatItRunsOnH2(CapturedOutput output) throws Exception {
    try (ConfigurableApplicationContext context = production().run("--server.port=0",
        "--pinpoint.security.external-base-url=https://cds.hospital.example/pinpoint",
        "--pinpoint.security.clients[0].issuer=" + TestClient.ISSUER,
        "--pinpoint.security.clients[0].jwks-uri=" + TestClient.shared().jwksFile())) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();

      HttpResponse<String> discovery = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(discovery.statusCode()).isEqualTo(401);
      assertThat(discovery.body()).isEmpty();
      assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("0.0.0.0");
      assertThat(output.getOut()).contains("The production profile is storing feedback and audit in the embedded H2");
    }
  }

  /**
   * The official CDS Hooks sandbox, trusted from a key set file, as an integration team configures it: its tokens
   * always name its jku, which is not on any allowlist and is never fetched; discovery, the hook, the feedback and the
   * feedback report are answered, and a browser on its origin may read them.
   */
  @Test
  void answersTheOfficialSandboxsSignedCallsWithItsKeySetFromAFile(CapturedOutput output) throws Exception {
    OfficialSandbox sandbox = new OfficialSandbox();
    String base = "http://localhost:9090";
    try (ConfigurableApplicationContext context = production().run("--server.port=0",
        "--pinpoint.security.external-base-url=" + base,
        "--pinpoint.cors.allowed-origins=http://localhost:8081",
        "--pinpoint.security.clients[0].issuer=" + OfficialSandbox.ISSUER,
        "--pinpoint.security.clients[0].jwks-uri=" + sandbox.jwksFile())) {
      String local = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();

      HttpResponse<String> discovery = send(HttpRequest.newBuilder(URI.create(local + "/cds-services"))
          .header("Origin", "http://localhost:8081")
          .header("Authorization", "Bearer " + sandbox.token(base + "/cds-services", Instant.now())));
      HttpResponse<String> hook = send(HttpRequest.newBuilder(URI.create(local + "/cds-services/petechiae-triage"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + sandbox.token(base + "/cds-services/petechiae-triage", Instant.now()))
          .POST(HttpRequest.BodyPublishers.ofString(HookRequests.unexplainedPetechiae(UUID.randomUUID().toString(),
              "p02", Instant.now().minusSeconds(3600)))));

      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(discovery.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:8081");
      assertThat(discovery.body()).contains("petechiae-triage");
      assertThat(hook.statusCode()).isEqualTo(200);
      assertThat(hook.body()).contains("same-day-cbc");

      String card = new ObjectMapper().readTree(hook.body()).path("cards").path(0).path("uuid").asText();
      HttpResponse<String> feedback = send(HttpRequest.newBuilder(
              URI.create(local + "/cds-services/petechiae-triage/feedback"))
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer "
              + sandbox.token(base + "/cds-services/petechiae-triage/feedback", Instant.now()))
          .POST(HttpRequest.BodyPublishers.ofString(HookRequests.overridden(card, "already-assessed", Instant.now()))));
      HttpResponse<String> report = send(HttpRequest.newBuilder(URI.create(local + "/feedback-report"))
          .header("Authorization", "Bearer " + sandbox.token(base + "/feedback-report", Instant.now())));

      assertThat(feedback.statusCode()).isEqualTo(200);
      assertThat(report.statusCode()).isEqualTo(200);
      assertThat(report.body()).contains("same-day-cbc", "already-assessed");
      assertThat(output.getOut()).contains("jku " + OfficialSandbox.JKU, "ignored, never fetched")
          .doesNotContain("JWK Set " + OfficialSandbox.JKU);
    }
  }

  @Test
  void readsAnAllowlistedJkuFromTheLocalCopyItIsMappedTo(CapturedOutput output) throws Exception {
    OfficialSandbox sandbox = new OfficialSandbox();
    String base = "https://cds.hospital.example/pinpoint";
    String copy = sandbox.jwksFile();
    try (ConfigurableApplicationContext context = production().run("--server.port=0",
        "--pinpoint.security.external-base-url=" + base,
        "--pinpoint.security.clients[0].issuer=" + OfficialSandbox.ISSUER,
        "--pinpoint.security.clients[0].jku-allowlist[0]=" + OfficialSandbox.JKU,
        "--pinpoint.security.clients[0].jku-local-copies[0].jku=" + OfficialSandbox.JKU,
        "--pinpoint.security.clients[0].jku-local-copies[0].file=" + copy)) {
      String local = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();

      HttpResponse<String> discovery = send(HttpRequest.newBuilder(URI.create(local + "/cds-services"))
          .header("Authorization", "Bearer " + sandbox.token(base + "/cds-services", Instant.now())));

      assertThat(discovery.statusCode()).isEqualTo(200);
      assertThat(output.getOut()).contains("JWK Set " + copy + " read: 1 key(s)")
          .doesNotContain("JWK Set " + OfficialSandbox.JKU);
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
