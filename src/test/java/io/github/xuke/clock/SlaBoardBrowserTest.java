package io.github.xuke.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supervisor logs into Cockpit in headless Chromium and finds the SLA board on the dashboard, in
 * Chinese, with a breached case first. The screenshot is kept in {@code target/browser/}. Needs
 * Debian's chromium and chromium-driver ({@code .ci/run} installs them and sets
 * {@code XUKE_BROWSER_TESTS=required}, so CI can never skip it).
 */
@XukeTest
class SlaBoardBrowserTest {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/browser");

  @Autowired ProcessEngine engine;
  @Autowired CaseClocks clocks;
  @LocalServerPort int port;
  WebDriver browser;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSupervisorSeesTheBreachedCaseOnTheCockpitDashboard() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("required".equals(System.getenv("XUKE_BROWSER_TESTS"))) {
      assertThat(installed).as("chromium and chromium-driver are installed").isTrue();
    }
    Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
    String caseNumber = breachedCase();

    browser = chromium();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("deputy");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();

    WebElement board = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("xuke-sla-board")));
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("tr.xuke-sla-row[data-case-number='" + caseNumber + "']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", board);
    screenshot("sla-board.png");

    assertThat(board.getText()).contains("许可期限看板", "已超期", caseNumber);
    List<WebElement> rows = browser.findElements(By.cssSelector("tr.xuke-sla-row"));
    assertThat(rows.get(0).getText()).as("breached cases come first").contains("已超期");
    assertThat(browser.findElement(By.id("xuke-sla-summary")).getText()).contains("超期");
  }

  private String breachedCase() {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-04-07T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase("FIREWORKS_WHOLESALE");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    long id = LicenceApplicationProcess.Variables.APPLICATION_ID.from(variables);
    CaseClock inspection = clocks.ofCase(id).stream().filter(c -> c.kind() == ClockKind.INSPECTION).findFirst().orElseThrow();
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-04-13T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    driver.fire(inspection.processInstanceId(), CaseClockProcess.Elements.TIMER_WARNING);
    driver.fire(inspection.processInstanceId(), CaseClockProcess.Elements.TIMER_DUE);
    ClockUtil.reset();
    return LicenceApplicationProcess.Variables.CASE_NUMBER.from(variables);
  }

  private WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
        "--window-size=1600,1000", "--lang=zh-CN");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
