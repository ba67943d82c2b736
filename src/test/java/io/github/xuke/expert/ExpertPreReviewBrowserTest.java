package io.github.xuke.expert;

import static io.github.xuke.application.process.CaseDriver.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.Cases;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The drawn expert opens 专家预审技术材料 in Tasklist, in headless Chromium: the submitted materials
 * are listed with a link to each document, the tolerated items only named as 容缺待补, and the
 * rows to fill are the submitted materials alone.
 */
@XukeTest
class ExpertPreReviewBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired Cases cases;
  @LocalServerPort int port;

  @Test
  void theExpertSeesTheSubmittedMaterialsWithLinksAndTheMissingOnesApart() throws IOException {
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      @SuppressWarnings("unchecked")
      List<String> submitted = (List<String>) CaseDriver.apiApplication("").get("materials");
      ProcessInstance instance = driver.start("clerk",
          CaseDriver.intakeForm(CaseDriver.newCreditCode(), "HAZCHEM_SAFE_USE", submitted));
      long document = new TestHttp(port).postFile("/api/applications/" + driver.applicationId(instance)
              + "/materials/SAFETY_ASSESSMENT_REPORT/documents", "clerk", "demo", "file", "评价报告<终稿>.pdf",
          ExpertPreReviewMaterialsTest.PDF, true).json().path("id").asLong();
      driver.accept(instance);
      Task invitation = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).get(0);
      driver.completeAssigned(invitation, form().putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(),
          ExpertReviewProcess.Values.PARTICIPATE));
      Task review = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW).stream()
          .filter(task -> task.getAssignee().equals(invitation.getAssignee())).findFirst().orElseThrow();

      browser.logIn("/camunda/app/tasklist/default/#/?task=" + review.getId(), invitation.getAssignee(), "demo");
      WebElement link = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("a[href='/api/documents/" + document + "']")));
      assertThat(link.getText()).isEqualTo("评价报告<终稿>.pdf");
      WebElement outstanding = browser.driver().findElement(By.xpath("//*[contains(text(), '容缺待补')]/ancestor::div[1]"));
      assertThat(outstanding.isDisplayed()).isTrue();
      List<WebElement> rows = browser.driver().findElements(By.cssSelector("input[id*='Field_materialName_Row_FindingName']"));
      List<String> tolerated = cases.materials(driver.applicationId(instance)).stream()
          .filter(item -> item.status() == MaterialStatus.TOLERATED).map(MaterialItem::materialName).toList();
      assertThat(tolerated).isNotEmpty();
      assertThat(rows).extracting(row -> row.getDomProperty("value")).contains("安全评价报告")
          .doesNotContainAnyElementsOf(tolerated);
      assertThat(outstanding.getText()).contains(tolerated.get(0));
      browser.screenshot("expert-pre-review.png");
    }
  }
}
