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
 * feedback report counts; in order entry, signing and selecting draft orders shows the order check's cards and an
 * accepted suggestion removes or adds a draft; the page works by keyboard alone and reflows at 200% zoom.
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

  @Test
  void theDeepLinkOfAnOrderScenarioOpensOrderEntryWithItsDraftsAndSignsThem() {
    Scenarios.Expected expected = Scenarios.shipped().stream()
        .filter(s -> s.id().startsWith("p24-")).findFirst().orElseThrow();
    browser.openCase("p24");

    assertThat(browser.find("#view-orders").isSelected()).isTrue();
    assertThat(browser.find("#open-chart").isDisplayed()).isFalse();
    assertThat(browser.find("#draft-orders").getText()).contains("apixaban: medicine, draft (MedicationRequest/draft-apixaban)");
    WebElement card = browser.firstCard();
    assertThat(card.getDomAttribute("data-topic")).isEqualTo(expected.topic());
    assertThat(card.findElement(By.cssSelector(".indicator")).getText()).endsWith("Warning");
    assertThat(card.findElement(By.cssSelector(".summary")).getText()).startsWith("Avoid full-dose apixaban: platelet count 35");
    assertThat(browser.find("#exchange-summary").getText())
        .matches("POST /cds-services/antithrombotic-order-check: HTTP 200 in \\d+ ms");
    assertThat(browser.find("#raw-request").getDomProperty("textContent"))
        .contains("\"hook\": \"order-sign\"", "\"encounterId\": \"enc-p24\"", "\"draftOrders\"", "\"plateletCounts\"")
        .doesNotContain("medicationStatements");
  }

  @Test
  void signingWarfarinForAPatientWithCriticalPlateletsWarnsAndAcceptingRemovalTakesTheDraftOff() {
    browser.openCase("p05-critical-platelets");
    browser.find("#view-orders").click();
    addDraft("warfarin");
    browser.clickAndAwaitCall(browser.find("#sign-orders"));

    WebElement card = browser.firstCard();
    assertThat(card.findElement(By.cssSelector(".indicator")).getText()).endsWith("Critical");
    assertThat(card.findElement(By.cssSelector(".summary")).getText()).contains("warfarin", "12 x10^9/L");
    assertThat(card.getText()).contains("Order INR");
    accept(card, "Remove the draft order: warfarin");

    browser.waitUntil("the draft to go", () -> !browser.find("#draft-orders").getText().contains("warfarin"));
    assertThat(browser.find("#draft-orders").getText()).isEqualTo("No draft orders.");
    browser.clickAndAwaitCall(browser.find("#sign-orders"));
    assertThat(browser.find("#cards").getText()).contains("No cards");
    assertThat(browser.find("#raw-request").getDomProperty("textContent")).doesNotContain("warfarin");
  }

  @Test
  void acceptingTheCbcAddsItToTheDraftOrdersAndTheNextSignSendsIt() {
    browser.openCase("p25");
    WebElement card = browser.firstCard();
    assertThat(card.findElement(By.cssSelector(".summary")).getText()).startsWith("Check platelets before starting ibuprofen");

    accept(card, "Order CBC (urgent)");

    browser.waitUntil("the CBC draft", () -> browser.find("#draft-orders").getText().contains("CBC"));
    assertThat(browser.find("#draft-orders").getText()).contains("ibuprofen", "urgent order, draft (ServiceRequest/");
    browser.clickAndAwaitCall(browser.find("#sign-orders"));
    assertThat(browser.find("#raw-request").getDomProperty("textContent")).contains("\"resourceType\": \"ServiceRequest\"");
  }

  @Test
  void selectSendsOrderSelectAndOnlyTheTickedOrdersAreChecked() {
    browser.openCase("p24");
    addDraft("ibuprofen");
    browser.clickAndAwaitCall(browser.find("#select-orders"));

    assertThat(browser.find("#exchange-summary").getText())
        .startsWith("POST /cds-services/antithrombotic-order-check-select: HTTP 200");
    assertThat(browser.find("#raw-request").getDomProperty("textContent"))
        .contains("\"hook\": \"order-select\"", "\"selections\": [\n      \"MedicationRequest/draft-ibuprofen\"\n    ]");
    assertThat(browser.cards()).hasSize(1);
    assertThat(browser.firstCard().findElement(By.cssSelector(".summary")).getText())
        .contains("ibuprofen").doesNotContain("apixaban");
  }

  @Test
  void aMedicineTypedAsFreeTextIsCheckedByItsName() {
    browser.openCase("p24");
    browser.find("#order-text").sendKeys("diclofenac 50 mg tablet");
    browser.find("#add-order-button").click();

    assertThat(browser.find("#draft-orders").getText())
        .contains("diclofenac 50 mg tablet: medicine, draft (MedicationRequest/draft-diclofenac-50-mg-tablet)");
    browser.clickAndAwaitCall(browser.find("#sign-orders"));
    assertThat(browser.cards()).extracting(card -> card.findElement(By.cssSelector(".summary")).getText())
        .anySatisfy(summary -> assertThat(summary).startsWith("Avoid full-dose diclofenac 50 mg tablet"))
        .anySatisfy(summary -> assertThat(summary).startsWith("Avoid full-dose apixaban"));
  }

  @Test
  void ordersAreEnteredAndSignedByKeyboardAlone() {
    browser.open("/sandbox");
    tabTo("button.patient[data-scenario='p26-order-sign-no-risk']");
    press(Keys.ENTER);

    tabTo("#order-medicine");
    new Actions(browser.driver()).sendKeys("ket").perform();
    tabTo("#add-order-button");
    press(Keys.ENTER);
    assertThat(browser.find("#draft-orders").getText()).contains("warfarin", "ketorolac");
    tabTo("#sign-orders");
    press(Keys.ENTER);
    browser.awaitCall(0);

    assertThat(browser.find("#call-status").getText()).startsWith("order-sign: 0 cards");
    assertThat(browser.find("#raw-request").getDomProperty("textContent")).contains("draft-ketorolac");
  }

  /** Adds a draft order of {@code medicine} from the page's list. */
  private void addDraft(String medicine) {
    new Select(browser.find("#order-medicine")).selectByValue(medicine);
    browser.find("#add-order-button").click();
    assertThat(browser.find("#order-note").getText()).isEqualTo("Added a draft order: " + medicine + ".");
  }

  private void accept(WebElement card, String suggestion) {
    card.findElement(By.cssSelector("button.accept[aria-label='Accept: " + suggestion + "']")).click();
    browser.waitUntil("the feedback", () -> card.getDomAttribute("data-feedback") != null);
    assertThat(card.findElement(By.cssSelector(".feedback-status")).getText())
        .isEqualTo("Accepted: " + suggestion + ". Feedback sent (HTTP 200).");
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
