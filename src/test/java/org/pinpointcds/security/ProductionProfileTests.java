package org.pinpointcds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pinpointcds.PinpointApplication;
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
}
