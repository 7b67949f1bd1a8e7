package org.pinpointcds.sandboxpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pinpointcds.PinpointApplication;
import org.pinpointcds.security.BuiltInClient;
import org.pinpointcds.testing.TestClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The production profile has no EHR simulator and no built-in client, even when told to enable the page. */
class SandboxPageProductionTests {

  @Test
  void thePageAndItsTokensAre404AndNoBuiltInClientExists() throws Exception {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PinpointApplication.class)
        .profiles("production")
        .run("--server.port=0", "--server.address=127.0.0.1", "--pinpoint.sandbox.enabled=true",
            "--pinpoint.security.external-base-url=https://cds.hospital.example/pinpoint",
            "--pinpoint.security.clients[0].issuer=" + TestClient.ISSUER,
            "--pinpoint.security.clients[0].jwks-uri=" + TestClient.shared().jwksFile())) {
      String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox")).build(),
          HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> token = http.send(HttpRequest.newBuilder(
              URI.create(base + "/sandbox/token?path=/cds-services/petechiae-triage"))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

      assertThat(page.statusCode()).isEqualTo(404);
      assertThat(page.body()).contains("OperationOutcome");
      assertThat(token.statusCode()).isEqualTo(404);
      assertThat(context.getBeansOfType(BuiltInClient.class)).isEmpty();
    }
  }
}
