package io.github.xuke.clock;

import io.github.xuke.clock.process.CaseClockProcess;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A supervisor logs into Cockpit in headless Chromium and finds the SLA board on the dashboard, in
 * Chinese, with a breached case first. The screenshot is kept in {@code target/browser/}.
 */
@XukeTest
class SlaBoardBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseClocks clocks;
  @LocalServerPort int port;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void aSupervisorSeesTheBreachedCaseOnTheCockpitDashboard() throws IOException {
    try (Browser browser = Browser.open(port)) {
      String caseNumber = breachedCase();
      browser.logIn("/camunda/app/cockpit/default/", "deputy", "demo");

      WebElement board = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("xuke-sla-board")));
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
          By.cssSelector("tr.xuke-sla-row[data-case-number='" + caseNumber + "']")));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", board);
      browser.screenshot("sla-board.png");

      assertThat(board.getText()).contains("许可期限看板", "已超期", caseNumber);
      List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr.xuke-sla-row"));
      assertThat(rows.get(0).getText()).as("breached cases come first").contains("已超期");
      assertThat(browser.driver().findElement(By.id("xuke-sla-summary")).getText()).contains("超期");
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("footer-timezone"), "北京时间"));
    }
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
}
