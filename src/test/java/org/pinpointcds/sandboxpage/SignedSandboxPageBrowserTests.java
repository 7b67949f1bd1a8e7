package org.pinpointcds.sandboxpage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pinpointcds.testing.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The embedded defaults told to require a JWT on every call (one trusted client of the operator's): the page still
 * works, because it signs every call, the hook and the feedback alike, as its built-in client.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pinpoint.security.require-token=true")
class SignedSandboxPageBrowserTests extends PageInBrowser {

  @Autowired
  JdbcClient jdbc;

  @DynamicPropertySource
  static void trustAClient(DynamicPropertyRegistry registry) {
    registry.add("pinpoint.security.clients[0].issuer", () -> TestClient.ISSUER);
    registry.add("pinpoint.security.clients[0].jwks-uri", () -> TestClient.shared().jwksFile());
  }

  @Test
  void theServiceRefusesACallWithoutAToken() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cds-services")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
  }

  @Test
  void thePageSignsItsHookCallAndItsFeedbackAsTheBuiltInClient() {
    browser.openCase("p01-fever-petechiae");

    WebElement card = browser.firstCard();
    assertThat(card.getDomAttribute("data-topic")).isEqualTo("emergency-evaluation");
    assertThat(browser.find("#raw-request").getDomProperty("textContent"))
        .contains("Authorization: Bearer ", "ES384, iss " + SandboxPageConfiguration.CLIENT_ISSUER);

    card.findElement(By.cssSelector("button.accept")).click();
    browser.waitUntil("the feedback", () -> card.getDomAttribute("data-feedback") != null);

    assertThat(card.getDomAttribute("data-feedback")).isEqualTo("accepted");
    assertThat(jdbc.sql("select client from card_feedback where card_uuid = ?")
        .param(card.getDomAttribute("data-uuid")).query(String.class).single())
        .isEqualTo(SandboxPageConfiguration.CLIENT_ISSUER);
  }
}
