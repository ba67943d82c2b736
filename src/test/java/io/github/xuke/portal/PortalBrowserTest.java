package io.github.xuke.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.Browser;
import io.github.xuke.XukeTest;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.SupplyChannel;
import io.github.xuke.application.process.CaseDriver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The enterprise in the portal page, in headless Chromium: logs in with its credit code, finds its
 * accepted case with the tolerated item marked, uploads it, and sees it waiting for the window's check;
 * the browser keeps no password and no readable session id, a reload keeps the login, logout ends it.
 */
@XukeTest
class PortalBrowserTest {

  @Autowired ProcessEngine engine;
  @Autowired EnterpriseAccounts accounts;
  @Autowired MaterialItemRepository materials;
  @LocalServerPort int port;

  @Test
  void anEnterpriseUploadsItsMissingItemOnline(@TempDir Path dir) throws IOException {
    try (Browser browser = Browser.open(port)) {
      CaseDriver driver = new CaseDriver(engine);
      String creditCode = CaseDriver.newCreditCode();
      List<String> handedIn = driver.completeMaterials("HAZCHEM_SAFE_USE").stream()
          .filter(code -> !code.equals("EMERGENCY_PLAN")).toList();
      ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(creditCode, "HAZCHEM_SAFE_USE", handedIn));
      driver.accept(instance);
      long id = driver.applicationId(instance);
      String password = accounts.open(creditCode).initialPassword();
      Path plan = dir.resolve("应急预案.pdf");
      Files.write(plan, "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

      browser.go("/portal/");
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.name("creditCode"))).sendKeys(creditCode);
      browser.driver().findElement(By.name("password")).sendKeys(password);
      browser.driver().findElement(By.cssSelector("#login button[type=submit]")).click();

      By planRow = By.cssSelector("article[data-application-id='" + id + "'] tr[data-material-code='EMERGENCY_PLAN']");
      WebElement row = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(planRow));
      assertThat(row.getText()).contains("生产安全事故应急预案及备案证明", "容缺待补");
      assertThat(browser.driver().findElement(By.cssSelector("article[data-application-id='" + id + "']")).getText())
          .contains("已受理", "受理通知书", "一次性告知书")
          .containsPattern("容缺材料补交期限：\\d{4}-\\d{2}-\\d{2}").doesNotContainPattern("\\d{4}/\\d{1,2}/\\d{1,2}");
      row.findElement(By.cssSelector("input[type=file]")).sendKeys(plan.toString());

      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "等待窗口核验"));
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(planRow, "已补交待核验"));
      browser.screenshot("portal.png");
      assertThat(materials.findByApplication(id)).filteredOn(item -> item.materialCode().equals("EMERGENCY_PLAN"))
          .singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(MaterialStatus.AWAITING_CHECK);
            assertThat(item.supplyChannel()).isEqualTo(SupplyChannel.ONLINE);
          });
      assertThat(browser.driver().findElement(planRow).getText()).contains("应急预案.pdf");

      JavascriptExecutor page = (JavascriptExecutor) browser.driver();
      String stored = (String) page.executeScript(
          "return JSON.stringify(Object.assign({}, sessionStorage)) + JSON.stringify(Object.assign({}, localStorage))"
              + " + document.cookie");
      assertThat(stored).doesNotContain(password, "JSESSIONID");

      browser.go("/portal/");
      assertThat(browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(planRow)).getText())
          .as("a reload keeps the login").contains("已补交待核验");
      browser.driver().findElement(By.id("logout")).click();
      browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已退出登录"));
      assertThat(browser.driver().findElement(By.id("cases")).isDisplayed()).isFalse();
      Object status = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
          + "fetch('/api/portal/applications', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })"
          + ".then((response) => done(response.status));");
      assertThat(status).as("the browser's session is over").isEqualTo(401L);
    }
  }
}
