package io.github.xuke.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case officer schedules an inspection in Tasklist, in headless Chromium: the date typed year first
 * as staff write it (2026/05/15, 2026-05-15 or 2026.05.15 — never read as month/day/year), the time, the
 * two inspectors from the list of staff; the appointment is recorded as typed. The date picker speaks
 * Chinese and its weeks start on Monday.
 */
@XukeTest
class InspectionFormsBrowserTest {

  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  @LocalServerPort int port;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  /**
   * Each run books the same two inspectors on 15 May 2026, at another hour (nobody is booked twice at once):
   * a day in the past, which no other test's "next working day" can ever be (the inspections booked here
   * stay scheduled and would refuse theirs).
   */
  @ParameterizedTest
  @CsvSource({"2026/05/15, 09:00", "2026-05-15, 12:00", "2026.05.15, 15:00"})
  void theOfficerSchedulesTheInspectionWithTheDateTypedYearFirst(String typed, String at) throws IOException {
    // accepted on Wednesday 13 May 2026; Friday the 15th is inside the 3-working-day target
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-05-13T09:00").atZone(BUREAU).toInstant()));
    LocalDate day = LocalDate.of(2026, 5, 15);
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
      Task task = driver.task(instance, Elements.TASK_SCHEDULE_INSPECTION);
      driver.as("officer", () -> {
        engine.getTaskService().claim(task.getId(), "officer");
        return null;
      });

      browser.logIn("/camunda/app/tasklist/default/#/?task=" + task.getId(), "officer", "demo");
      WebElement start = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("input[id$='Field_inspectionStart-date']")));
      assertThat(start.getDomAttribute("placeholder")).isEqualTo("年-月-日");
      start.click();
      WebElement calendar = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".flatpickr-calendar.open")));
      List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
          .map(WebElement::getText).map(String::strip).toList();
      assertThat(weekdays).as("weeks start on Monday, in Chinese").containsExactly("一", "二", "三", "四", "五", "六", "日");
      List<String> months = calendar.findElements(By.cssSelector(".flatpickr-monthDropdown-month")).stream()
          .map(option -> option.getDomProperty("textContent")).toList();
      assertThat(months).contains("一月", "十二月").noneMatch(month -> month.matches(".*[A-Za-z].*"));
      browser.screenshot("date-picker.png");

      start.sendKeys(typed, Keys.ENTER);
      assertThat(start.getDomProperty("value")).as("the date is shown year-month-day").isEqualTo("2026-05-15");
      assertThat(calendar.findElement(By.cssSelector(".flatpickr-day.selected")).getDomAttribute("aria-label"))
          .isEqualTo("2026年5月15日");
      WebElement time = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectionStart-time']"));
      time.sendKeys(at, Keys.ENTER);
      WebElement hours = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectionHours']"));
      hours.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
      WebElement inspectors = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectors']"));
      for (String name : List.of("李承办", "吴执法")) {
        inspectors.sendKeys(name.substring(0, 1));
        browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
        browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
            .filter(item -> item.getText().equals(name)).findFirst().orElseThrow().click();
      }
      browser.screenshot("schedule-inspection-" + typed.replace('/', '_') + ".png");
      WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
      complete.click();

      browser.waiting().until(ignored -> driver.task(instance, Elements.TASK_ON_SITE_INSPECTION) != null);
      long id = LicenceApplicationProcess.Variables.INSPECTION_ID.from(
          engine.getRuntimeService().getVariables(instance.getId()));
      Inspection booked = inspections.get(id);
      assertThat(booked.startsAt().atZoneSameInstant(BUREAU).toLocalDateTime()).isEqualTo(day.atTime(LocalTime.parse(at)));
      assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
          .variableName(LicenceApplicationProcess.Variables.INSPECTION_START.name()).singleResult().getValue()).as("the submitted form variable")
          .isEqualTo("2026-05-15T" + at);
      assertThat(booked.participants()).extracting(Inspection.Participant::userId).containsExactly("officer", "officer2");
    }
  }
}
