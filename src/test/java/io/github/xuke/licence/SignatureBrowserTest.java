package io.github.xuke.licence;

import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 先批后签 in a real browser: the deputy director signs online in Tasklist, and the decision the
 * case file then prints carries a valid PAdES signature of the bureau; the licence's public
 * verification page answers for the valid licence, and for the same licence once revoked.
 */
@XukeTest
class SignatureBrowserTest {

  static final String TYPE = "HAZCHEM_OPERATION_STORAGE";

  @Autowired ProcessEngine engine;
  @Autowired LicenceService licences;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void theDeputySignsInTasklistAndTheDecisionVerifiesAndTheQrPageAnswers() throws Exception {
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase(TYPE);
    long id = driver.applicationId(instance);
    driver.expertReview(instance, "PASS");
    driver.inspect(instance, Values.INSPECTION_PASS, "现场与申报材料一致", List.of());
    driver.complete(instance, TASK_REVIEW_CASE, "officer", form()
        .putValue(REVIEW_RECOMMENDATION.name(), Values.APPROVE).putValue(REVIEW_OPINION.name(), "符合许可条件"));
    driver.complete(instance, TASK_APPROVE_LICENCE, "chief", form().putValue(APPROVAL_DECISION.name(), Values.APPROVE));
    Task signing = driver.task(instance, TASK_SIGN_ONLINE);
    driver.as("deputy", () -> {
      engine.getTaskService().claim(signing.getId(), "deputy");
      return null;
    });

    try (Browser browser = Browser.open(port)) {
      browser.logIn("/camunda/app/tasklist/default/#/?task=" + signing.getId(), "deputy", "demo");
      WebElement confirmed = browser.waiting().until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("input[id$='Field_signatureConfirmed']")));
      confirmed.click();
      browser.driver().findElement(By.cssSelector("textarea[id$='Field_signatureRemark']")).sendKeys("同意");
      WebElement complete = browser.driver().findElement(By.cssSelector("button[ng-click='complete()']"));
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
      browser.screenshot("sign-online-filled.png");
      ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", complete);
      try {
        browser.waiting().until(ignored -> driver.task(instance, TASK_SIGN_ONLINE) == null);
      } finally {
        browser.screenshot("sign-online-submitted.png");
      }
      browser.waiting().until(ignored -> licences.ofCase(id).map(Licence::signedAt).isPresent());

      // the decision as the case file prints it, fetched in the browser with the deputy's session
      Task next = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().get(0);
      String decision = signedDecisionUrl(browser, next.getId());
      byte[] pdf = Base64.getDecoder().decode((String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
              + "let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); });", decision));
      assertSignedByTheBureau(pdf);

      Licence licence = licences.ofCase(id).orElseThrow();
      browser.go("/verify/" + licence.verificationCode());
      String page = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body"))).getText();
      assertThat(page).contains("有效", licence.licenceNumber(), licence.holderName()).doesNotContain(licence.creditCode());
      browser.screenshot("verify-valid.png");

      jdbc.sql("update licence set revoked_at = ?, revocation_reason = ? where id = ?")
          .params(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atOffset(java.time.ZoneOffset.UTC),
              "以欺骗手段取得许可", licence.id()).update();
      browser.go("/verify/" + licence.verificationCode());
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("已撤销", licence.licenceNumber());
      browser.screenshot("verify-revoked.png");
      browser.go("/verify/" + "x".repeat(32));
      assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("未找到该许可证");
    }
  }

  @org.junit.jupiter.api.AfterEach
  void realClock() {
    org.camunda.bpm.engine.impl.util.ClockUtil.reset(); // the inspection was recorded on its day's clock
  }

  /** The 打印 button of the signed 准予行政许可决定书 on the case file's 文书 list (its tab's address, caught). */
  private static String signedDecisionUrl(Browser browser, String taskId) {
    browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("案卷"))).click();
    WebElement row = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//section[@data-section='notices']//tr[td[contains(., '准予行政许可决定书')]][.//span[contains(@class,'xuke-cf-signed')]]")));
    JavascriptExecutor page = (JavascriptExecutor) browser.driver();
    page.executeScript("window.xukeOpened = []; window.open = (url) => { window.xukeOpened.push(url); return null; };");
    row.findElement(By.cssSelector("button.xuke-cf-print")).click();
    return (String) page.executeScript("return window.xukeOpened[0];");
  }

  /** One PAdES signature over the whole file that verifies with the certificate it carries. */
  private static void assertSignedByTheBureau(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      assertThat(signatures).hasSize(1);
      PDSignature signature = signatures.get(0);
      assertThat(signature.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
      int[] range = signature.getByteRange();
      assertThat(range[2] + range[3]).as("the signature covers the whole file").isEqualTo(pdf.length);
      org.bouncycastle.asn1.cms.ContentInfo info;
      try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(signature.getContents(pdf))) {
        info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
      }
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), info);
      SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
      X509CertificateHolder holder = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID())
          .iterator().next();
      assertThat(holder.getSubject().toString()).contains("市应急管理局");
      assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))).isTrue();
    }
  }
}
