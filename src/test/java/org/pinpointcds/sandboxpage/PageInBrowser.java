package org.pinpointcds.sandboxpage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class that drives the page in one browser, started before its first test and closed after its last, against
 * the service on a random port (the subclass says {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}). Skipped
 * where chromium is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageInBrowser {

  @LocalServerPort
  protected int port;

  protected Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start("http://127.0.0.1:" + port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
