package org.pinpointcds.sandboxpage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.pinpointcds.testing.TestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service that refuses the page's tokens (their two minutes are longer than the one minute it accepts): the page
 * says at once, as an alert, that discovery failed with a 401, and a hook call shows the 401 instead of "no cards".
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "pinpoint.security.require-token=true", "pinpoint.security.max-token-lifetime=PT1M"})
class RefusedDiscoverySandboxPageBrowserTests extends PageInBrowser {

  @DynamicPropertySource
  static void trustAClient(DynamicPropertyRegistry registry) {
    TestClient.trust(registry);
  }

  @Test
  void saysPlainlyThatDiscoveryWasRefusedAndShowsNoAllClear() {
    browser.open("/sandbox?scenario=p09");
    browser.waitUntil("discovery", () -> browser.find("#discovery-status").getDomAttribute("data-state") != null);
    browser.awaitCall(0);

    WebElement status = browser.find("#discovery-status");
    assertThat(status.getDomAttribute("data-state")).isEqualTo("failed");
    assertThat(status.getDomAttribute("role")).isEqualTo("alert");
    assertThat(status.getText()).startsWith("Discovery failed: GET http://127.0.0.1:" + port + "/cds-services answered"
        + " HTTP 401").contains("refused this client's token", "no cards here does not mean no concern");
    assertThat(browser.find("#cards").getText()).contains("HTTP 401").doesNotContain("No cards");
  }
}
