package org.pinpointcds.sandboxpage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.web.client.RestClient;

/**
 * The EHR simulator in a real browser, on the embedded defaults: every shipped scenario's deep link shows its
 * expected card; editing the finding or a reading changes the outcome; Accept and Override send feedback that the
 * feedback report counts; the page works by keyboard alone and reflows at 200% zoom.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SandboxPageBrowserTests extends PageInBrowser {

  static List<Scenarios.Expected> scenarios() {
    return Scenarios.shipped();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void theDeepLinkOfEveryScenarioShowsItsExpectedCard(Scenarios.Expected expected) {
    browser.openCase(expected.id());

    if (expected.topic() == null) {
      assertThat(browser.cards()).isEmpty();
      assertThat(browser.find("#cards .no-cards").getText()).contains("No cards");
    } else {
      WebElement card = browser.firstCard();
      assertThat(card.getDomAttribute("data-topic")).isEqualTo(expected.topic());
      assertThat(card.getDomAttribute("data-indicator")).isEqualTo(expected.indicator());
    }
  }

  @Test
  void aCardShowsItsUrgencyInWordsItsSourceItsDetailAndTheRawExchange() {
    browser.openCase("p01-fever-petechiae");

    WebElement card = browser.firstCard();
    assertThat(card.findElement(By.cssSelector(".indicator")).getText()).endsWith("Critical");
    assertThat(card.findElement(By.cssSelector(".summary")).getText()).startsWith("Emergency evaluation");
    assertThat(card.findElement(By.cssSelector(".detail strong")).getText()).isEqualTo("Why");
    assertThat(card.findElements(By.cssSelector(".detail li li"))).isNotEmpty();
    WebElement source = card.findElement(By.cssSelector(".source a"));
    assertThat(source.getDomAttribute("href")).startsWith("https://");
    assertThat(source.getDomAttribute("rel")).contains("noopener");
    assertThat(card.findElements(By.cssSelector(".detail a"))).allSatisfy(
        link -> assertThat(link.getDomAttribute("rel")).contains("noopener"));
    assertThat(card.findElement(By.cssSelector("button.accept")).getDomAttribute("aria-label"))
        .isEqualTo("Accept: Order CBC (stat)");
    assertThat(new Select(card.findElement(By.cssSelector(".override-form select"))).getOptions()).hasSizeGreaterThan(1);
    assertThat(browser.find("#exchange-summary").getText())
        .matches("POST /cds-services/petechiae-triage: HTTP 200 in \\d+ ms");
    assertThat(browser.find("#raw-request").getDomProperty("textContent")).contains("\"hook\": \"patient-view\"", "\"prefetch\"");
    assertThat(browser.find("#raw-response").getDomProperty("textContent")).contains("\"cards\"", "emergency-evaluation");
  }

  @Test
  void tickingSpreadingTurnsWatchfulWaitingIntoASameDayBloodCount() {
    browser.openCase("p03-mechanical-vomiting");
    assertThat(browser.firstCard().getDomAttribute("data-topic")).isEqualTo("watchful-waiting");

    browser.find("#edit-spreading").click();
    browser.clickAndAwaitCall(browser.find("#open-chart"));

    WebElement card = browser.firstCard();
    assertThat(card.getDomAttribute("data-topic")).isEqualTo("same-day-cbc");
    assertThat(card.getDomAttribute("data-indicator")).isEqualTo("warning");
    assertThat(browser.find("#edited-note").getText()).contains("spreading");
    assertThat(browser.find("#patient-data").getText()).contains("spreading");
  }

  @Test
  void addingFeverMakesItAnEmergency() {
    browser.openCase("p03-mechanical-vomiting");

    browser.find("#symptom-fever").click();
    browser.clickAndAwaitCall(browser.find("#open-chart"));

    assertThat(browser.firstCard().getDomAttribute("data-topic")).isEqualTo("emergency-evaluation");
    assertThat(browser.firstCard().getDomAttribute("data-indicator")).isEqualTo("critical");
  }

  @Test
  void aCriticalPlateletCountTakenNowMakesItAnEmergency() {
    browser.openCase("p03-mechanical-vomiting");

    WebElement platelets = browser.find("#edit-platelets");
    platelets.clear();
    platelets.sendKeys("12");
    browser.clickAndAwaitCall(browser.find("#editor button[type=submit]"));

    assertThat(browser.firstCard().getDomAttribute("data-topic")).isEqualTo("emergency-evaluation");
    assertThat(browser.find("#patient-data").getText()).contains("240 → 12");
  }

  @Test
  void fetchModeNamesTheFhirServerInsteadOfSendingTheData() {
    browser.openCase("p02-unexplained-petechiae");

    browser.find("#mode-fetch").click();
    WebElement server = browser.find("#fhir-server");
    server.clear();
    server.sendKeys("http://127.0.0.1:9/fhir");
    browser.clickAndAwaitCall(browser.find("#open-chart"));

    String request = browser.find("#raw-request").getDomProperty("textContent");
    assertThat(request).contains("\"fhirServer\": \"http://127.0.0.1:9/fhir\"").doesNotContain("\"prefetch\"");
    assertThat(browser.find("#call-status").getText()).startsWith("HTTP 412");
    assertThat(browser.find("#cards").getText()).contains("HTTP 412");
    browser.find("#mode-prefetch").click();
  }

  @Test
  void acceptingASuggestionSendsFeedbackThatTheReportCounts() {
    long acceptedBefore = topic("same-day-cbc").path("cardsAccepted").asLong();
    browser.openCase("p02-unexplained-petechiae");

    WebElement card = browser.firstCard();
    card.findElement(By.cssSelector("button.accept")).click();
    browser.waitUntil("the feedback", () -> card.getDomAttribute("data-feedback") != null);

    assertThat(card.getDomAttribute("data-feedback")).isEqualTo("accepted");
    assertThat(card.findElement(By.cssSelector(".feedback-status")).getText()).contains("Feedback sent (HTTP 200)");
    assertThat(browser.find("#feedback-log").getText()).contains("accepted card " + card.getDomAttribute("data-uuid"));
    assertThat(topic("same-day-cbc").path("cardsAccepted").asLong()).isEqualTo(acceptedBefore + 1);
  }

  @Test
  void overridingWithOneOfTheCardsReasonsSendsThatReason() {
    browser.openCase("p12-gum-bleeding");

    WebElement card = browser.firstCard();
    card.findElement(By.cssSelector(".override-box summary")).click();
    new Select(card.findElement(By.cssSelector(".override-form select"))).selectByVisibleText("Already assessed today");
    card.findElement(By.cssSelector("button.override")).click();
    browser.waitUntil("the feedback", () -> card.getDomAttribute("data-feedback") != null);

    assertThat(card.getDomAttribute("data-feedback")).isEqualTo("overridden");
    assertThat(topic("emergency-evaluation").path("overrideReasons").findValuesAsText("code")).contains("already-assessed");
  }

  @Test
  void worksByKeyboardAloneWithAVisibleFocus() {
    browser.open("/sandbox");

    tabTo("button.patient[data-scenario='p05-critical-platelets']");
    assertThat(browser.script("return getComputedStyle(document.activeElement).outlineStyle;")).isEqualTo("solid");
    press(Keys.ENTER);
    tabTo("#open-chart");
    int before = browser.cards().size();
    press(Keys.ENTER);
    browser.awaitCall(0);

    assertThat(before).isZero();
    assertThat(browser.firstCard().getDomAttribute("data-topic")).isEqualTo("emergency-evaluation");
    tabTo("#cards button.accept");
    press(Keys.ENTER);
    browser.waitUntil("the feedback", () -> browser.firstCard().getDomAttribute("data-feedback") != null);
  }

  @Test
  void reflowsWithoutHorizontalScrollingAtTwiceTheZoom() {
    Dimension normal = browser.driver().manage().window().getSize();
    try {
      browser.driver().manage().window().setSize(new Dimension(normal.getWidth() / 2, normal.getHeight()));
      browser.openCase("p04-warfarin");

      assertThat(browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
          .isEqualTo(true);
      assertThat(browser.firstCard().getRect().getWidth()).isLessThanOrEqualTo(normal.getWidth() / 2);
    } finally {
      browser.driver().manage().window().setSize(normal);
    }
  }

  @Test
  void saysThatTheServiceAnsweredDiscovery() {
    browser.open("/sandbox");
    browser.waitUntil("discovery", () -> browser.find("#discovery-status").getDomAttribute("data-state") != null);

    WebElement status = browser.find("#discovery-status");
    assertThat(status.getDomAttribute("data-state")).isEqualTo("ok");
    assertThat(status.getText()).startsWith("Service reached: GET http://127.0.0.1:" + port + "/cds-services answered"
        + " HTTP 200").contains("petechiae-triage", "antithrombotic-order-check");
  }

  @Test
  void saysPlainlyWhenTheBrowserRefusesTheAnswerOrNoneComes() {
    browser.open("/sandbox");

    // Another origin (localhost, not 127.0.0.1) that allows none by CORS, and a port where nothing listens.
    for (String base : List.of("http://localhost:" + port, "http://127.0.0.1:9")) {
      Object message = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "import('./sandbox/client.js').then(m => m.discover(arguments[0]).then(r => done(m.discoveryMessage(r))));",
          base);

      assertThat(message.toString()).as(base).startsWith("Discovery failed: no answer from " + base + "/cds-services")
          .contains("a CORS refusal looks the same", "no cards here does not mean no concern");
    }
  }

  @Test
  void theMarkdownRendererEscapesHtmlBeforeItAddsMarkup() {
    browser.open("/sandbox");

    Object html = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "import('./sandbox/markdown.js').then(m => done(m.renderMarkdown("
        + "'<img src=x onerror=alert(1)> **bold** _it_ [bad](javascript:alert(1)) [good](https://example.org/a_b_c)')));");

    assertThat(html.toString())
        .contains("&lt;img src=x onerror=alert(1)&gt;", "<strong>bold</strong>", "<em>it</em>",
            "[bad](javascript:alert(1))",
            "<a href=\"https://example.org/a_b_c\" target=\"_blank\" rel=\"noopener noreferrer\">good</a>")
        .doesNotContain("<img");
  }

  /** Presses Tab until the element that {@code css} names has the focus (at most 80 times). */
  private void tabTo(String css) {
    WebElement target = browser.find(css);
    for (int i = 0; i < 80 && !target.equals(browser.driver().switchTo().activeElement()); i++) {
      press(Keys.TAB);
    }
    assertThat(browser.driver().switchTo().activeElement()).as("focus on " + css).isEqualTo(target);
  }

  private void press(Keys key) {
    new Actions(browser.driver()).sendKeys(key).perform();
  }

  /** The feedback report's line for {@code topic}; an empty object while it has none. */
  private JsonNode topic(String topic) {
    JsonNode report = RestClient.create("http://127.0.0.1:" + port).get().uri("/feedback-report").retrieve().body(JsonNode.class);
    for (JsonNode entry : report.path("topics")) {
      if (topic.equals(entry.path("topic").asText())) {
        return entry;
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }
}
