package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.notice.Notices;
import io.github.xuke.notice.CaseNotice;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import java.io.IOException;
import java.util.List;
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
 * The clerk's check form in Tasklist, in headless Chromium: every material of the case is a row
 * of the dynamic list, filled from the case; the clerk marks one defective with its reason, accepts
 * with the applicant's pledge, and the one-time notice names the defective item with the reason.
 */
@XukeTest
class MaterialCheckBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired MaterialItemRepository materials;
  @Autowired Notices notices;
  @LocalServerPort int port;

  @Test
  void theClerkMarksADefectiveItemInTheCheckFormAndTheNoticeNamesIt() throws IOException {
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      List<String> required = driver.completeMaterials("HAZCHEM_SAFE_USE");
      ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
          "HAZCHEM_SAFE_USE", required.stream().filter(code -> !code.equals("EMERGENCY_PLAN")).toList()));
      long id = driver.applicationId(instance);
      Task task = driver.task(instance, Elements.TASK_ACCEPT_APPLICATION);
      driver.as("clerk", () -> {
        engine.getTaskService().claim(task.getId(), "clerk");
        return null;
      });

      browser.logIn("/camunda/app/tasklist/default/#/?task=" + task.getId(), "clerk", "demo");
      // one row per material; form-js numbers the fields of row n with the suffix _n
      List<WebElement> names = browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
          By.cssSelector("input[id*='Field_materialName_Row_ReviewName_']"), required.size()));
      WebElement licenceName = names.stream().filter(input -> "营业执照".equals(input.getDomProperty("value")))
          .findFirst().orElseThrow();
      String row = licenceName.getDomProperty("id").replaceAll(".*_", "");
      assertThat(field(browser, "Field_materialCode_Row_ReviewName_" + row).getDomProperty("value")).isEqualTo("BUSINESS_LICENCE");
      assertThat(field(browser, "Field_documents_Row_ReviewDocuments_" + row).getDomProperty("value")).isEqualTo("无电子件");

      choose(browser, "Field_result_review_" + row, "不合格");
      field(browser, "Field_reason_review_" + row).sendKeys("营业执照副本已过有效期");

      WebElement accept = browser.driver().findElement(By.xpath("//label[contains(., '予以受理')]"));
      scrollTo(browser, accept);
      accept.click();
      browser.waiting().until(ExpectedConditions.elementToBeClickable(
          By.xpath("//label[contains(., '容缺受理承诺书')]"))).click();
      browser.screenshot("material-check.png");
      WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      scrollTo(browser, complete);
      assertThat(complete.isEnabled()).as("完成 is enabled with the dynamic list touched").isTrue();
      complete.click();

      browser.waiting().until(ignored -> notices.ofCase(id).stream()
          .anyMatch(notice -> notice.kind() == CaseNotice.NoticeKind.ONE_TIME));
      assertThat(materials.findByApplication(id)).filteredOn(item -> item.materialCode().equals("BUSINESS_LICENCE"))
          .singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(MaterialStatus.DEFECTIVE);
            assertThat(item.statusReason()).isEqualTo("营业执照副本已过有效期");
          });
      assertThat(notices.ofCase(id)).filteredOn(notice -> notice.kind() == CaseNotice.NoticeKind.ONE_TIME)
          .singleElement().satisfies(notice -> assertThat(notice.content())
              .contains("营业执照（不合格：营业执照副本已过有效期）", "生产安全事故应急预案及备案证明（容缺待补）"));

      // the supply form lists both items; the clerk receives the emergency plan at the window
      Task supply = driver.task(instance, Elements.TASK_RECORD_SUPPLIED_MATERIALS);
      driver.as("clerk", () -> {
        engine.getTaskService().claim(supply.getId(), "clerk");
        return null;
      });
      browser.go("/camunda/app/tasklist/default/#/?task=" + supply.getId());
      List<WebElement> items = browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
          By.cssSelector("input[id*='Field_materialName_Row_SupplyName_']"), 2));
      String plan = items.stream().filter(input -> input.getDomProperty("value").startsWith("生产安全事故应急预案"))
          .findFirst().orElseThrow().getDomProperty("id").replaceAll(".*_", "");
      assertThat(field(browser, "Field_state_Row_SupplyState_" + (1 - Integer.parseInt(plan))).getDomProperty("value"))
          .isEqualTo("不合格：营业执照副本已过有效期");
      choose(browser, "Field_channel_supply_" + plan, "窗口递交");
      choose(browser, "Field_result_supply_" + plan, "补交合格");
      browser.screenshot("supply-check.png");
      WebElement completeSupply = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      scrollTo(browser, completeSupply);
      completeSupply.click();

      browser.waiting().until(ignored -> materials.findByApplication(id).stream()
          .anyMatch(item -> item.materialCode().equals("EMERGENCY_PLAN") && item.status() == MaterialStatus.SUPPLIED));
      assertThat(materials.findByApplication(id)).filteredOn(item -> item.materialCode().equals("EMERGENCY_PLAN"))
          .singleElement().satisfies(item -> assertThat(item.supplyChannel()).isEqualTo(SupplyChannel.WINDOW));
    }
  }

  /** Picks an option of a form-js select (a drop-down list, not a native select). */
  private static void choose(Browser browser, String fieldIdSuffix, String option) {
    WebElement select = browser.driver().findElement(By.cssSelector("label[for$='" + fieldIdSuffix + "']"))
        .findElement(By.xpath("./.."));
    scrollTo(browser, select);
    select.findElement(By.cssSelector(".fjs-input-group")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(select,
        By.cssSelector(".fjs-dropdownlist-item")));
    select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().equals(option)).findFirst().orElseThrow().click();
  }

  private static WebElement field(Browser browser, String idSuffix) {
    return browser.driver().findElement(By.cssSelector("input[id$='" + idSuffix + "']"));
  }

  private static void scrollTo(Browser browser, WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }
}
