package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's list and header, and Cockpit's task page, in headless Chromium: the list is sorted by due
 * date and says so, each task shows its case number, enterprise and working days left; names are
 * written family name first; the deputy director opens Cockpit's task page without a permission error.
 */
@XukeTest
class TasklistBrowserTest {

  private static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void theClerksListShowsCaseEnterpriseAndWorkingDaysLeftSortedByDueDate() throws IOException {
    // received on Wednesday 2 December 2026: the correction-notice limit ends with Wednesday the 9th
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-02T09:00").atZone(BUREAU).toInstant()));
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
        "HAZCHEM_SAFE_USE", driver.completeMaterials("HAZCHEM_SAFE_USE")));
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    String caseNumber = LicenceApplicationProcess.Variables.CASE_NUMBER.from(variables);
    String enterprise = LicenceApplicationProcess.Variables.ENTERPRISE_NAME.from(variables);
    Task task = driver.task(instance, Elements.TASK_ACCEPT_APPLICATION);
    // a clerk of this test's own: the demo clerks' lists hold the other tests' tasks, some due earlier
    String clerk = windowClerk("clerklist", "林小窗");
    driver.as(clerk, () -> {
      engine.getTaskService().claim(task.getId(), clerk);
      return null;
    });

    try (Browser browser = Browser.open(port)) {
      browser.logIn("/camunda/app/tasklist/default/", clerk, "demo");
      WebElement item = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//li[contains(@class, 'task')][.//*[contains(text(), '" + caseNumber + "')]]")));
      browser.waiting().until(ExpectedConditions.textToBePresentInElement(item, "个工作日"));
      browser.screenshot("task-list.png");

      assertThat(item.getText()).contains(caseNumber, enterprise, "剩余 5 个工作日", "林小窗").doesNotContain("小窗 林");
      assertThat(browser.driver().getCurrentUrl()).contains("dueDate");
      assertThat(browser.driver().findElement(By.cssSelector("ol.sorting-choice")).getText())
          .contains("到期日").doesNotContain("创建日期");
      assertThat(browser.driver().findElement(By.cssSelector("[cam-widget-header]")).getText())
          .contains("林小窗").doesNotContain("小窗 林");
      assertThat(browser.driver().findElement(By.id("footer-timezone")).getText()).contains("Asia/Shanghai");
    }
  }

  /** A window clerk with the whole name as first name, as the seeded users are stored. */
  private String windowClerk(String id, String name) {
    org.camunda.bpm.engine.IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(id).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identity.newUser(id);
      user.setFirstName(name);
      user.setLastName("");
      user.setEmail(id + "@staff.xuke.invalid");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, StaffGroup.WINDOW_CLERK.id());
    }
    return id;
  }

  @Test
  void theDeputyOpensCockpitsTaskPageWithoutAPermissionError() throws IOException {
    CaseDriver driver = new CaseDriver(engine);
    driver.acceptedCase("HAZCHEM_SAFE_USE");
    try (Browser browser = Browser.open(port)) {
      browser.logIn("/camunda/app/cockpit/default/", "deputy", "demo");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("xuke-sla-board")));
      assertThat(browser.driver().findElement(By.cssSelector("[cam-widget-header]")).getText()).contains("陈局长");
      browser.go("/camunda/app/cockpit/default/#/tasks");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dashboard-row .section-title")));
      // the counts by type and by group are drawn once the task report answers
      browser.waiting().until(ignored -> !browser.driver().findElements(By.cssSelector(".dashboard-row table td")).isEmpty()
          || !browser.driver().findElements(By.cssSelector(".notifications .alert")).isEmpty());
      browser.screenshot("cockpit-tasks.png");
      assertThat(browser.driver().findElements(By.cssSelector(".notifications .alert-danger"))).isEmpty();
      String text = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(text).doesNotContain("READ", "permission", "权限");
    }
  }
}
