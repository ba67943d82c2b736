package io.github.xuke.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import io.github.xuke.application.process.LicenceApplicationProcess.Variables;
import io.github.xuke.calendar.WorkingDays;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.camunda.spin.Spin;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inspector opens 现场核查与技术评审 in Tasklist, in headless Chromium, before the inspection has
 * begun: the submission is refused, Tasklist shows the Chinese reason alone, and nothing is recorded.
 */
@XukeTest
class InspectionRecordBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  @Autowired WorkingDays workingDays;
  @LocalServerPort int port;

  @Test
  void theInspectorCannotSubmitTheRecordBeforeTheStartAndReadsWhy() throws IOException {
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
      // 15:00–17:00 of the next working day: other tests on today's clock take the mornings of these inspectors
      LocalDate day = workingDays.calendar().addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 1);
      driver.complete(instance, Elements.TASK_SCHEDULE_INSPECTION, "officer", CaseDriver.form()
          .putValue(Variables.INSPECTION_START.name(), day + "T15:00").putValue(Variables.INSPECTION_HOURS.name(), 2)
          .putValue(Variables.INSPECTORS.name(), Spin.JSON(List.of("officer", "officer2"))));
      long inspectionId = Variables.INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
      // the lists as the inspector ticks them on site (form-js's required selects of each row)
      engine.getRuntimeService().setVariables(instance.getId(), Map.of(
          Variables.INSPECTION_PARTICIPANTS.name(), driver.confirmedParticipants(instance),
          Variables.INSPECTION_CHECKS.name(), driver.allConforming(instance)));
      Task task = driver.task(instance, Elements.TASK_ON_SITE_INSPECTION);
      driver.as("officer", () -> {
        engine.getTaskService().claim(task.getId(), "officer");
        return null;
      });
      String start = inspections.get(inspectionId).startsAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
          .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));

      browser.logIn("/camunda/app/tasklist/default/#/?task=" + task.getId(), "officer", "demo");
      WebElement pass = browser.waiting().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(., '符合条件') and not(contains(., '不符合'))]")));
      scrollTo(browser, pass);
      pass.click();
      browser.driver().findElement(By.cssSelector("textarea[id$='Field_inspectionFindings']")).sendKeys("现场与材料一致");
      WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      scrollTo(browser, complete);
      complete.click();

      WebElement notification = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".notifications .alert-danger")));
      browser.screenshot("inspection-before-start.png");
      String message = notification.findElement(By.cssSelector(".message")).getText().strip();
      assertThat(message).startsWith("现场核查尚未开始：本次核查安排在 " + start + " 开始，现在是 ")
          .endsWith("核查开始后方可登记核查记录。")
          .doesNotContain("Cannot", task.getId());
      assertThat(notification.getText()).doesNotContain("Cannot", "Exception");
      assertThat(inspections.get(inspectionId).state()).isEqualTo(Inspection.State.SCHEDULED);
      assertThat(driver.task(instance, Elements.TASK_ON_SITE_INSPECTION)).as("the task is still open").isNotNull();
    }
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
