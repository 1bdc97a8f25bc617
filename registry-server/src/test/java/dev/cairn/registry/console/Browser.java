package dev.cairn.registry.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian {@code chromium} + {@code chromium-driver}) driven by
 * Selenium. Without them the console tests are skipped with that reason, except in CI, where {@code
 * .ci/run} installs them and a missing browser fails.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final URI base;
  private final Path profile;

  private Browser(ChromeDriver driver, URI base, Path profile) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
  }

  static Browser open(URI registry) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (System.getenv("CI") == null) {
      assumeTrue(installed, "no Chromium: apt-get install chromium chromium-driver (.ci/run does)");
    }
    try {
      Path profile = Files.createTempDirectory("cairn-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      // The machine's network is closed: no background connections, no first-run, no sync.
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--window-size=1280,900",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
      return new Browser(new ChromeDriver(service, options), registry, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  /** Runs {@code script} in the page and returns what it returns. */
  Object script(String script) {
    return driver.executeScript(script);
  }

  /** Opens {@code /ui/#/…}. */
  void go(String hash) {
    driver.get(base.resolve("/ui/" + hash).toString());
  }

  /** Signs in with {@code token} and waits until the console names the caller. */
  void signIn(String token) {
    typeToken(token);
    until(d -> d.findElement(By.id("who")).getText().isEmpty() ? null : true);
  }

  /** Types {@code token} into the sign-in form and presses Enter: the keyboard alone. */
  void typeToken(String token) {
    go("#/signin");
    // A fresh start: no session cookie left from an earlier sign-in.
    driver.manage().deleteCookieNamed("cairn_session");
    driver.navigate().refresh();
    WebElement input = until(d -> d.findElement(By.id("token")));
    input.sendKeys(token + "\n");
  }

  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(25))
        .ignoring(NoSuchElementException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  String text(By by) {
    return until(d -> d.findElement(by)).getText();
  }

  String mainText() {
    return driver.findElement(By.id("main")).getText();
  }

  void screenshot(Path target) {
    try {
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.createDirectories(target.getParent());
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
