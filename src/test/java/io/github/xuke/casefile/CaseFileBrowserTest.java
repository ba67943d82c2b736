package io.github.xuke.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import io.github.xuke.inspection.InspectionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 案卷 tab beside a task in Tasklist, in headless Chromium: the clerk opens a material's
 * document, prints the one-time notice and opens the enterprise's portal account; the inspector
 * uploads two photos to the inspection from the inspection task — no curl.
 */
@XukeTest
class CaseFileBrowserTest {

  static final String LICENCE_TYPE = "HAZCHEM_OPERATION_STORAGE";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  @Autowired io.github.xuke.calendar.WorkingDays workingDays;
  @LocalServerPort int port;
  @TempDir Path dir;

  @Test
  void theClerkOpensADocumentPrintsTheNoticeAndOpensThePortalAccountFromTheCaseFile() throws IOException {
    CaseDriver driver = new CaseDriver(engine);
    List<String> materials = new ArrayList<>(driver.completeMaterials(LICENCE_TYPE));
    materials.remove("EMERGENCY_PLAN");
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(), LICENCE_TYPE, materials));
    long id = driver.applicationId(instance);
    new io.github.xuke.TestHttp(port).postFile("/api/applications/" + id + "/materials/APPLICATION_FORM/documents",
        "clerk", "demo", "file", "申请书.pdf", PDF, true);
    driver.accept(instance);
    Task supply = driver.task(instance, Elements.TASK_RECORD_SUPPLIED_MATERIALS);
    assertThat(supply).as("the tolerated item waits at the window").isNotNull();

    try (Browser browser = Browser.open(port)) {
      browser.logIn("/camunda/app/tasklist/default/#/?task=" + supply.getId(), "clerk", "demo");
      openCaseFile(browser);
      WebElement material = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.xpath("//tr[contains(@class,'xuke-cf-material')][td[contains(., '申请书')]]")));
      WebElement open = material.findElement(By.cssSelector("a.xuke-cf-open"));
      assertThat(open.getAttribute("href")).endsWith("?view=true").contains("/api/documents/");
      assertThat(fetchStatus(browser, open.getAttribute("href"))).as("the document opens with the session").isEqualTo(200);
      assertThat(material.findElement(By.cssSelector("a.xuke-cf-download")).getText()).isEqualTo("下载");

      WebElement notices = browser.driver().findElement(By.cssSelector("section[data-section='notices']"));
      assertThat(notices.getText()).contains("一次性告知书");
      WebElement print = notices.findElement(By.xpath(".//tr[td[contains(., '一次性告知书')]]//button[contains(@class,'xuke-cf-print')]"));
      // the PDF opens in a new tab, which headless Chromium cannot drive: catch the tab's address instead
      JavascriptExecutor page = (JavascriptExecutor) browser.driver();
      page.executeScript("window.xukeOpened = []; window.open = (url) => { window.xukeOpened.push(url); return null; };");
      print.click();
      String printed = (String) page.executeScript("return window.xukeOpened[0];");
      assertThat(printed).contains("/api/notices/").endsWith("/pdf");
      assertThat(fetchStatus(browser, printed)).as("the notice's PDF").isEqualTo(200);

      assertThat(browser.driver().findElement(By.cssSelector("section[data-section='summary']")).getText())
          .contains("案卷 ").contains("已受理，办理中").doesNotContain("HAZCHEM");
      assertThat(browser.driver().findElement(By.cssSelector("section[data-section='clocks']")).getText()).contains("剩余");
      assertThat(browser.driver().findElements(By.cssSelector("section[data-section='experts']")))
          .as("the window does not see the panel").isEmpty();
      browser.screenshot("case-file-clerk.png");

      browser.driver().findElement(By.cssSelector("button.xuke-cf-open-account")).click();
      WebElement letter = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".xuke-cf-account a.xuke-cf-print")));
      assertThat(letter.getText()).isEqualTo("打印开户通知书");
      assertThat(letter.getAttribute("href")).startsWith("blob:");
      assertThat(browser.driver().findElement(By.cssSelector(".xuke-cf-account .xuke-cf-message")).getText())
          .contains("已开通");
      browser.screenshot("case-file-account.png");
    }
  }

  @Test
  void theInspectorUploadsTwoPhotosFromTheInspectionTask() throws IOException {
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase(LICENCE_TYPE);
    driver.expertReview(instance, "PASS");
    // 13:00–15:00 of the next working day: other tests on today's clock book these inspectors' morning and late afternoon
    java.time.LocalDate day = workingDays.calendar().addWorkingDays(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), 1);
    driver.complete(instance, Elements.TASK_SCHEDULE_INSPECTION, "officer", CaseDriver.form()
        .putValue(LicenceApplicationProcess.Variables.INSPECTION_START.name(), day + "T13:00")
        .putValue(LicenceApplicationProcess.Variables.INSPECTION_HOURS.name(), 2)
        .putValue(LicenceApplicationProcess.Variables.INSPECTORS.name(), org.camunda.spin.Spin.JSON(List.of("officer", "officer2"))));
    long inspectionId = LicenceApplicationProcess.Variables.INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
    Task inspection = driver.task(instance, Elements.TASK_ON_SITE_INSPECTION);
    driver.as("officer", () -> {
      engine.getTaskService().claim(inspection.getId(), "officer");
      return null;
    });
    // the inspection has begun: photos are taken during it, never in the future
    java.time.Instant begins = inspections.get(inspectionId).startsAt().toInstant();
    org.camunda.bpm.engine.impl.util.ClockUtil.offset(java.time.Duration.between(java.time.Instant.now(),
        begins.plus(java.time.Duration.ofMinutes(30))).toMillis());
    Path first = Files.write(dir.resolve("现场-1.jpg"), CaseDriver.PHOTO);
    Path second = Files.write(dir.resolve("现场-2.jpg"), CaseDriver.PHOTO);

    try (Browser browser = Browser.open(port)) {
      browser.logIn("/camunda/app/tasklist/default/#/?task=" + inspection.getId(), "officer", "demo");
      openCaseFile(browser);
      WebElement form = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("form.xuke-cf-evidence-upload")));
      form.findElement(By.cssSelector("input[type='file']")).sendKeys(first + "\n" + second);
      assertThat(form.findElements(By.cssSelector("input.xuke-cf-captured"))).hasSize(2);
      String start = inspections.get(inspectionId).startsAt().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
          .plusMinutes(20).toLocalDateTime().toString().substring(0, 16);
      for (WebElement captured : form.findElements(By.cssSelector("input.xuke-cf-captured"))) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", captured, start);
      }
      form.findElement(By.cssSelector("input[name='device']")).sendKeys("执法记录仪 07");
      browser.screenshot("case-file-evidence-chosen.png");
      form.findElement(By.cssSelector("button[type='submit']")).click();
      WebElement done = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
          "#xuke-case-file > .xuke-cf-message, form.xuke-cf-evidence-upload .xuke-cf-message")));
      assertThat(done.getText()).as("the upload's answer").isEqualTo("已上传 2 个影像文件。");
      assertThat(inspections.get(inspectionId).evidence()).hasSize(2)
          .allSatisfy(evidence -> assertThat(evidence.device()).isEqualTo("执法记录仪 07"));
      assertThat(browser.driver().findElement(By.cssSelector("section[data-section='inspection']")).getText())
          .contains("现场-1.jpg", "现场-2.jpg", "执法记录仪 07");
      browser.screenshot("case-file-evidence.png");
    }
    assertThat(LicenceApplicationProcess.Variables.INSPECTION_ID.from(engine.getRuntimeService()
        .getVariables(instance.getId()))).isEqualTo(inspectionId);
  }

  @org.junit.jupiter.api.AfterEach
  void realClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset();
  }

  private static void openCaseFile(Browser browser) {
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("案卷"))).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#xuke-case-file section")));
  }

  private static long fetchStatus(Browser browser, String url) {
    Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status)).catch(() => done(-1));", url);
    return ((Number) status).longValue();
  }
}
