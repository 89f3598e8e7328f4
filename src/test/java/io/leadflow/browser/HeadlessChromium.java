package io.leadflow.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium through its own ChromeDriver, one browser per test class:
 *
 * <pre>
 * &#64;RegisterExtension static final HeadlessChromium browser = new HeadlessChromium();
 * </pre>
 *
 * <p>The browser is {@code /usr/bin/chromium} and the driver {@code /usr/bin/chromedriver}, or
 * {@code $CHROMIUM_PATH} and {@code $CHROMEDRIVER_PATH}. Both are given to Selenium explicitly,
 * so Selenium Manager never looks for (or downloads) a driver or a browser. When either is
 * missing, the tests of the class are skipped with a notice saying what to install.
 *
 * <p>Chromium starts with the flags a machine without internet needs (no background networking,
 * no component updates, no sync, no QUIC), a fresh profile in a temporary directory (deleted
 * afterwards) and a 1400x1000 window. Before each test the cookies and storage of the current
 * site are cleared, so every test starts logged out. When a test fails, a screenshot and the
 * page source go to {@code target/browser/} and their paths are printed; {@link #screenshot}
 * saves one on purpose, for a human to look at.
 */
public final class HeadlessChromium
    implements BeforeAllCallback, BeforeEachCallback, AfterTestExecutionCallback, AfterAllCallback {

  /** The user agent the pages see: a desktop Chrome a person uses. */
  static final String PERSONS_BROWSER =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";


  public static final String INSTALL_HINT = "apt-get install chromium chromium-driver";
  /** Where screenshots, page sources and the ChromeDriver log go. */
  public static final Path ARTIFACTS = Paths.get("target", "browser");

  /**
   * Selenium looks for a DevTools (CDP) binding of the browser's version and warns when it has
   * none; the tests use WebDriver only, so the warning is noise. Kept here so it is not collected.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
  }

  private final Duration timeout;
  private ChromeDriverService service;
  private ChromeDriver driver;
  private Path profile;
  /** Why there is no browser, when Chromium or ChromeDriver is not installed. */
  private String missing;

  public HeadlessChromium() {
    this(Duration.ofSeconds(30));
  }

  /** @param timeout how long page objects wait for something to appear */
  public HeadlessChromium(Duration timeout) {
    this.timeout = timeout;
  }

  static Path chromium() {
    return executable("CHROMIUM_PATH", "/usr/bin/chromium");
  }

  static Path chromedriver() {
    return executable("CHROMEDRIVER_PATH", "/usr/bin/chromedriver");
  }

  private static Path executable(String variable, String fallback) {
    String configured = System.getenv(variable);
    return Paths.get(configured == null || configured.isBlank() ? fallback : configured);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path chromium = chromium();
    Path chromedriver = chromedriver();
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      // each test is skipped in beforeEach, so the reports count them as skipped, with the reason
      missing = "Chromium/ChromeDriver not installed: " + INSTALL_HINT + " (no executable "
          + (Files.isExecutable(chromium) ? chromedriver : chromium)
          + "; CHROMIUM_PATH and CHROMEDRIVER_PATH point at others)";
      System.out.printf("[browser] SKIPPING %s: %s%n", context.getDisplayName(), missing);
      return;
    }

    Files.createDirectories(ARTIFACTS);
    profile = Files.createTempDirectory("leadflow-chromium-");
    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .withLogFile(ARTIFACTS.resolve("chromedriver.log").toFile())
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath(),
        "--window-size=1400,1000",
        "--lang=en-US",
        // a person's browser: headless Chromium announces itself as "HeadlessChrome", which
        // Leadflow's interaction filter (bpmn/interaction-filter.dmn) rightly takes for a bot
        "--user-agent=" + PERSONS_BROWSER);
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteProfile();
      throw e;
    }
    driver.manage().window().setSize(new Dimension(1400, 1000));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Assumptions.assumeTrue(missing == null, missing);
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
      driver.manage().deleteAllCookies();
      ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (driver == null || context.getExecutionException().isEmpty()) {
      return;
    }
    String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-FAILED";
    try {
      Path screenshot = screenshot(name);
      Path source = ARTIFACTS.resolve(name + ".html");
      Files.writeString(source, driver.getPageSource());
      System.out.printf("[browser] %s failed at %s%n[browser]   screenshot: %s%n[browser]   page source: %s%n",
          context.getDisplayName(), driver.getCurrentUrl(), screenshot.toAbsolutePath(), source.toAbsolutePath());
    } catch (RuntimeException | IOException e) {
      System.out.println("[browser] could not save the failure's screenshot and page: " + e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      driver = null;
      if (service != null) {
        service.stop();
        service = null;
      }
      deleteProfile();
    }
  }

  /** The browser; only inside a test of the class. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException("no browser: HeadlessChromium must be a static @RegisterExtension field");
    }
    return driver;
  }

  /** How long page objects wait. */
  public Duration timeout() {
    return timeout;
  }

  /** Saves the page as {@code target/browser/<name>.png} and returns the path. */
  public Path screenshot(String name) {
    File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
    Path target = ARTIFACTS.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
    try {
      Files.createDirectories(ARTIFACTS);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(shot.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[browser] screenshot: " + target.toAbsolutePath());
    return target;
  }

  private void deleteProfile() {
    if (profile == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      System.out.println("[browser] could not delete the profile " + profile + ": " + e);
    }
    profile = null;
  }
}
