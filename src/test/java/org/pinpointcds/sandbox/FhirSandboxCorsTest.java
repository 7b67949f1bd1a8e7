package org.pinpointcds.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CORS on the sandbox, as a browser-based client (the official CDS Hooks sandbox served from another loopback port)
 * needs it: the preflight of a search with an Authorization header, and the search itself from another origin.
 */
@ExtendWith(FhirSandboxExtension.class)
class FhirSandboxCorsTest {

  private static final String ORIGIN = "http://localhost:8081";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void answersThePreflightOfASearchFromAnotherOrigin(FhirSandbox sandbox) throws Exception {
    HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/Patient?_id=p05"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "accept,authorization")
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("authorization", "accept");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void letsAnotherOriginReadASearchAndTheCapabilityStatement(FhirSandbox sandbox) throws Exception {
    for (String path : List.of("/Patient?_id=p05", "/metadata")) {
      HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
          .header("Origin", ORIGIN)
          .header("Accept", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).as(path).contains(ORIGIN);
      assertThat(answer.body()).as(path).contains(path.equals("/metadata") ? "CapabilityStatement" : "\"p05\"");
    }
  }
}
