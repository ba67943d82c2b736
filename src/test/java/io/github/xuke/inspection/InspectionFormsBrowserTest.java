package io.github.xuke.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case officer schedules an inspection in Tasklist, in headless Chromium: date and time, the
 * two inspectors from the list of staff; the appointment is recorded as typed.
 */
@XukeTest
class InspectionFormsBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  @Autowired io.github.xuke.calendar.WorkingDays workingDays;
  @LocalServerPort int port;

  @Test
  void theOfficerSchedulesTheInspectionWithDateTimeAndTwoInspectors() throws IOException {
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
      Task task = driver.task(instance, Elements.TASK_SCHEDULE_INSPECTION);
      driver.as("officer", () -> {
        engine.getTaskService().claim(task.getId(), "officer");
        return null;
      });
      LocalDate day = workingDays.calendar().addWorkingDays(LocalDate.now(ZoneId.of("Asia/Shanghai")), 1);

      browser.logIn("/camunda/app/tasklist/default/#/?task=" + task.getId(), "officer", "demo");
      WebElement start = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[id$='Field_inspectionStart-date']")));
      start.sendKeys(day.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")), Keys.ENTER);
      WebElement time = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectionStart-time']"));
      time.sendKeys("09:00", Keys.ENTER);
      WebElement inspectors = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectors']"));
      for (String name : List.of("李承办", "吴执法")) {
        inspectors.sendKeys(name.substring(0, 1));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
        browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .filter(item -> item.getText().equals(name)).findFirst().orElseThrow().click();
      }
      browser.screenshot("schedule-inspection.png");
      WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
      complete.click();

      browser.waiting().until(ignored -> driver.task(instance, Elements.TASK_ON_SITE_INSPECTION) != null);
      long id = LicenceApplicationProcess.Variables.INSPECTION_ID.from(
          engine.getRuntimeService().getVariables(instance.getId()));
      Inspection booked = inspections.get(id);
      assertThat(booked.startsAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDateTime())
          .isEqualTo(day.atTime(9, 0));
      assertThat(booked.participants()).extracting(Inspection.Participant::userId).containsExactly("officer", "officer2");
    }
  }
}
