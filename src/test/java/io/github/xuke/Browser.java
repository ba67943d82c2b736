package io.github.xuke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests, as staff use the webapps. Needs Debian's chromium and
 * chromium-driver ({@code .ci/run} installs them and sets {@code XUKE_BROWSER_TESTS=required}, so CI
 * can never skip a browser test). Screenshots are kept in {@code target/browser/}.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final int port;

  private Browser(WebDriver driver, int port) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60)) {
      @Override
      protected RuntimeException timeoutException(String message, Throwable lastException) {
        keepFailure();
        return super.timeoutException(message, lastException);
      }
    };
    this.port = port;
  }

  /** A browser on the app's port; the test is skipped if Chromium is missing, unless it is required. */
  public static Browser open(int port) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("required".equals(System.getenv("XUKE_BROWSER_TESTS"))) {
      assertThat(installed).as("chromium and chromium-driver are installed").isTrue();
    }
    Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
        "--window-size=1600,1000", "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options), port);
  }

  public WebDriver driver() {
    return driver;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /**
   * Opens a webapp page (path after the host) and logs in as the user. The fields are filled until they
   * hold what was typed: while the login page is still settling, keys sent to the password field can land
   * in the user name ("officerdemo", seen on CI), and the form then never submits.
   */
  public void logIn(String path, String user, String password) {
    driver.get("http://localhost:" + port + path);
    By name = By.cssSelector("input[ng-model='username']");
    By secret = By.cssSelector("input[ng-model='password']");
    wait.until(ExpectedConditions.elementToBeClickable(secret));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(ignored -> {
      WebElement nameField = driver.findElement(name);
      WebElement secretField = driver.findElement(secret);
      nameField.clear();
      nameField.sendKeys(user);
      secretField.click();
      secretField.clear();
      secretField.sendKeys(password);
      return user.equals(nameField.getDomProperty("value")) && password.equals(secretField.getDomProperty("value"));
    });
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** Opens a page of the app (path after the host), already logged in. */
  public void go(String path) {
    driver.get("http://localhost:" + port + path);
  }

  public void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * What the page showed when a wait gave up: a screenshot and the page's text under target/browser,
   * named after the test class, so that a failure on CI can be read afterwards.
   */
  private void keepFailure() {
    Class<?> test = CurrentTestClass.get();
    String name = "timeout-" + (test == null ? "unknown" : test.getSimpleName()) + "-" + System.currentTimeMillis();
    try {
      screenshot(name + ".png");
      Files.writeString(SCREENSHOTS.resolve(name + ".txt"), driver.getCurrentUrl() + "\n\n"
          + driver.findElement(By.tagName("body")).getText());
    } catch (IOException | RuntimeException e) {
      // the wait's own failure is the one to report
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
