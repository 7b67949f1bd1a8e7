package org.pinpointcds.sandboxpage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Debian chromium driven through chromedriver, with the flags that work on a closed network, and the
 * page's vocabulary: open a case, wait for the hook call, read the cards. One per test class.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final ChromeDriver driver;
  private final Path profile;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
  }

  /** Skips the calling test class where chromium or chromedriver is not installed; CI installs both. */
  static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromedriver are not installed (apt-get install -y chromium chromium-driver)");
  }

  /** A browser whose relative paths resolve against the service at {@code base}, e.g. http://127.0.0.1:8080. */
  static Browser start(String base) {
    assumeInstalled();
    try {
      Path profile = Files.createTempDirectory("pinpoint-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      return new Browser(new ChromeDriver(service, options), profile, base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Loads {@code path} (e.g. /sandbox?scenario=p01-fever-petechiae) and waits until the page has started. */
  void open(String path) {
    driver.get(base + path);
    waitUntil("the page to start", () -> "true".equals(script("return document.body.dataset.ready;")));
  }

  /** Opens the deep link of {@code scenario} and waits for the hook call that it fires. */
  void openCase(String scenario) {
    open("/sandbox?scenario=" + scenario);
    awaitCall(0);
  }

  /** Clicks {@code element} and waits for the hook call that follows it. */
  void clickAndAwaitCall(WebElement element) {
    int before = calls();
    element.click();
    awaitCall(before);
  }

  void awaitCall(int callsBefore) {
    waitUntil("the hook call", () -> calls() > callsBefore && !"loading".equals(cardsAttribute("dataset.state")));
  }

  List<WebElement> cards() {
    return driver.findElements(By.cssSelector("#cards article.card"));
  }

  WebElement firstCard() {
    List<WebElement> cards = cards();
    if (cards.isEmpty()) {
      throw new AssertionError("no card; the page shows: " + find("#cards").getText());
    }
    return cards.get(0);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  Object script(String javascript, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
  }

  void waitUntil(String what, BooleanSupplier condition) {
    new WebDriverWait(driver, PATIENCE).withMessage("waiting for " + what).until(d -> condition.getAsBoolean());
  }

  private int calls() {
    Object calls = cardsAttribute("dataset.calls");
    return calls == null ? 0 : Integer.parseInt(calls.toString());
  }

  private Object cardsAttribute(String property) {
    return script("const c = document.getElementById('cards'); return c ? c." + property + " : null;");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileSystemUtils.deleteRecursively(profile.toFile());
    }
  }
}
