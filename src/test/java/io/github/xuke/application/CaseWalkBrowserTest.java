package io.github.xuke.application;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.Browser;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.inspection.Inspection;
import io.github.xuke.inspection.InspectionService;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One licence case from 收件 to 归档, worked entirely in Tasklist in headless Chromium by the people
 * who work it, each logged in as themselves: the window clerk receives the application with Tasklist's
 * 启动流程 and the intake start form ({@code processes/forms/application-intake.form}) and accepts it;
 * each drawn expert confirms and sends a pre-review; the case officer schedules the inspection,
 * uploads its photo in the 案卷 tab, records it and proposes the decision; the chief representative
 * approves; the deputy director signs online; the clerk delivers the licence. The engine is only asked
 * which task comes next. At the end the case is archived with a signed licence, and its case file
 * names everyone by name — never by account.
 *
 * <p>The engine clock: received and accepted on Monday 18 May 2026 from 09:00, inspected on Wednesday
 * the 20th 10:00–12:00 and recorded from 11:00 — past working days no other test books, since the
 * inspections other tests leave scheduled would refuse an overlapping booking of the same inspectors.
 */
@XukeTest
class CaseWalkBrowserTest {

  static final ZoneId BUREAU = ZoneId.of("Asia/Shanghai");
  static final String LICENCE_TYPE = "HAZCHEM_SAFE_USE";
  static final LocalDateTime RECEIVED = LocalDateTime.parse("2026-05-18T09:00");
  static final LocalDateTime INSPECTION_STARTS = LocalDateTime.parse("2026-05-20T10:00");
  static final int INSPECTION_LENGTH_HOURS = 2;
  static final String TRACKING = "EMS1029384756CN";
  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final Path INTAKE_FORM = Path.of("processes/forms/application-intake.form");

  /** The demo staff as the bureau writes their names, family name first. */
  static final Map<String, String> NAMES = Map.ofEntries(Map.entry("clerk", "王窗口"), Map.entry("officer", "李承办"),
      Map.entry("officer2", "吴执法"), Map.entry("chief", "赵首席"), Map.entry("deputy", "陈局长"),
      Map.entry("expert", "张专家"), Map.entry("expert2", "刘评审"), Map.entry("expert3", "王消防"),
      Map.entry("expert4", "陈储运"), Map.entry("expert5", "杨烟花"), Map.entry("expert6", "黄电气"));
  /** A demo user's account name standing alone, where a person's name should be. */
  static final Pattern USER_ID = Pattern.compile("(?<![A-Za-z])(clerk2?|officer2?|expert[2-6]?|chief|deputy|admin)(?![A-Za-z0-9])");

  static final By CLAIM = By.cssSelector("button.claim");
  static final By UNCLAIM = By.cssSelector("button.unclaim");
  static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

  @Autowired ProcessEngine engine;
  @Autowired InspectionService inspections;
  @Autowired LicenceService licences;
  @LocalServerPort int port;
  @TempDir Path dir;

  private Browser browser;
  private CaseDriver driver;
  private ProcessInstance instance;
  private long applicationId;
  private String loggedIn;
  private int shots;

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void fiveMembersOfStaffCarryACaseFromIntakeToArchiveInTasklist() throws IOException {
    at(RECEIVED);
    driver = new CaseDriver(engine);
    String creditCode = CaseDriver.newCreditCode();
    String deputysView;
    String clerksView;
    List<String> experts;
    try (Browser opened = Browser.open(port)) {
      browser = opened;
      receive(creditCode);
      accept();
      experts = preReview();
      scheduleInspection();
      at(INSPECTION_STARTS.plusHours(1));
      inspect();
      reviewCase();
      approve();
      deputysView = signOnline();
      clerksView = deliver();
    }
    List<String> expertNames = experts.stream().map(NAMES::get).toList();
    assertThat(expertNames).as("the drawn experts are demo users").doesNotContainNull();

    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(ended.getEndTime()).as("the case's process has ended").isNotNull();
    assertThat(ended.getEndActivityId()).isEqualTo(END_CASE_ARCHIVED);

    long id = applicationId;
    TestHttp http = new TestHttp(port);
    JsonNode file = http.get("/api/applications/" + id + "/case-file", "clerk", "demo").json();
    assertThat(file.path("summary").path("statusText").asText()).isEqualTo("已办结归档");
    assertThat(file.path("summary").path("archivedAt").asText()).as("archived").isNotBlank();
    assertThat(file.path("summary").path("deliveryText").asText()).isEqualTo("免费邮寄，运单号 " + TRACKING);
    assertThat(file.path("archive").path("archiveNumber").asText()).contains("许档");

    Licence licence = licences.ofCase(id).orElseThrow(() -> new AssertionError("no licence issued"));
    assertThat(licence.signedAt()).as("signed online by the deputy director").isNotNull();
    assertThat(licence.holderName()).isEqualTo(enterpriseName(creditCode));
    assertThat(file.path("licence").path("licenceNumber").asText()).isEqualTo(licence.licenceNumber());
    assertThat(file.path("licence").path("signedBy").asText()).isEqualTo("陈局长");
    assertThat(http.get(file.path("licence").path("pdfUrl").asText(), "clerk", "demo").body()).startsWith("%PDF");

    List<String> history = new ArrayList<>();
    file.path("history").forEach(entry -> history.add(entry.path("who").asText() + "：" + entry.path("what").asText()));
    assertThat(history).contains("王窗口：收件", "王窗口：受理", "李承办：完成：安排现场核查",
        "李承办：完成：现场核查与技术评审", "李承办：完成：提出审查意见", "赵首席：完成：首席代表审批",
        "赵首席：作出许可决定：准予许可", "陈局长：完成：分管局长网签", "王窗口：完成：送达许可证", "系统：归档");
    for (String expert : expertNames) {
      assertThat(history).contains(expert + "：完成：确认是否参加评审", expert + "：完成：专家预审技术材料");
    }
    assertThat(String.join("\n", history)).doesNotContainPattern(USER_ID);

    assertThat(clerksView).as("the 案卷 tab beside 送达许可证")
        .contains("王窗口", "李承办", "赵首席", "陈局长").contains(expertNames).doesNotContainPattern(USER_ID);
    assertThat(deputysView).as("the 案卷 tab beside 分管局长网签, with the panel and the inspection")
        .contains("王窗口", "李承办", "吴执法", "赵首席").contains(expertNames).doesNotContainPattern(USER_ID);
  }

  /** 收件: the clerk fills the intake start form from Tasklist's 启动流程 and starts the case. */
  private void receive(String creditCode) throws IOException {
    open("clerk", TASKLIST);
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a"))).click();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.xpath(
        "//ul[contains(@class, 'processes')]//a[normalize-space(.) = '行政许可申请办理']"))).click();
    Map<String, String> options = intakeOptions();
    type("Field_enterpriseName", enterpriseName(creditCode));
    type("Field_creditCode", creditCode);
    type("Field_contactName", "张三");
    type("Field_contactPhone", "13812345678");
    choose("Field_licenceType", options.get(LICENCE_TYPE));
    type("Field_registeredAddress", CaseDriver.REGISTERED_ADDRESS_TEXT);
    type("Field_principalName", CaseDriver.PRINCIPAL_NAME_TEXT);
    type("Field_businessMode", CaseDriver.BUSINESS_MODE_TEXT);
    browser.driver().findElement(By.cssSelector("textarea[id$='Field_licenceScope']")).sendKeys(CaseDriver.LICENCE_SCOPE_TEXT);
    scrollTo(browser.driver().findElement(By.cssSelector("input[id$='Field_enterpriseName']")));
    screenshot("intake-particulars");
    for (String material : driver.completeMaterials(LICENCE_TYPE)) {
      tick(options.get(material));
    }
    WebElement start = browser.driver().findElement(By.cssSelector("button[ng-click='startProcessInstance()']"));
    submit("intake", start, () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LicenceApplicationProcess.PROCESS_ID)
        .variableValueEquals(CREDIT_CODE.name(), creditCode).count() == 1);
    instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LicenceApplicationProcess.PROCESS_ID)
        .variableValueEquals(CREDIT_CODE.name(), creditCode).singleResult();
    applicationId = driver.applicationId(instance);
    assertThat(SUBMITTED_MATERIALS.from(engine.getRuntimeService().getVariables(instance.getId())))
        .as("the materials ticked in the start form").containsExactlyInAnyOrderElementsOf(driver.completeMaterials(LICENCE_TYPE));
  }

  /** 材料审查与受理: the clerk finds every material in order and accepts. */
  private void accept() throws IOException {
    openTask("clerk", next(TASK_ACCEPT_APPLICATION));
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
        By.cssSelector("input[id*='Field_materialName_Row_ReviewName_']"), driver.completeMaterials(LICENCE_TYPE).size()));
    tick("予以受理");
    complete("accept", () -> !driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).isEmpty());
  }

  /** Each drawn expert agrees to take part, then sends the pre-review; returns the experts' user ids. */
  private List<String> preReview() throws IOException {
    List<Task> invitations = driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION);
    List<String> experts = new ArrayList<>();
    for (Task invitation : invitations) {
      String expert = invitation.getAssignee();
      experts.add(expert);
      openTask(expert, invitation);
      tick("参加评审");
      complete("confirm-" + expert, () -> preReviewOf(expert) != null);
      Task review = preReviewOf(expert);
      openTask(expert, review);
      tick("技术材料符合要求");
      browser.driver().findElement(By.cssSelector("textarea[id$='Field_preReviewComments']")).sendKeys("技术材料齐全，符合要求");
      complete("pre-review-" + expert, () -> gone(review));
    }
    assertThat(experts).as("a panel was drawn").isNotEmpty();
    return experts;
  }

  /** 安排现场核查: the officer books himself and 吴执法 for the inspection, typed as staff type it. */
  private void scheduleInspection() throws IOException {
    openTask("officer", next(TASK_SCHEDULE_INSPECTION));
    WebElement date = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[id$='Field_inspectionStart-date']")));
    date.sendKeys(INSPECTION_STARTS.toLocalDate().toString(), Keys.ENTER);
    browser.driver().findElement(By.cssSelector("input[id$='Field_inspectionStart-time']"))
        .sendKeys(INSPECTION_STARTS.toLocalTime().toString(), Keys.ENTER);
    browser.driver().findElement(By.cssSelector("input[id$='Field_inspectionHours']"))
        .sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(INSPECTION_LENGTH_HOURS));
    WebElement inspectors = browser.driver().findElement(By.cssSelector("input[id$='Field_inspectors']"));
    for (String name : List.of(NAMES.get("officer"), NAMES.get("officer2"))) {
      inspectors.sendKeys(name.substring(0, 1));
      browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
      browser.driver().findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .filter(item -> item.getText().equals(name)).findFirst().orElseThrow().click();
    }
    complete("schedule-inspection", () -> driver.task(instance, TASK_ON_SITE_INSPECTION) != null);
    Inspection booked = inspections.get(INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId())));
    assertThat(booked.startsAt().atZoneSameInstant(BUREAU).toLocalDateTime()).isEqualTo(INSPECTION_STARTS);
    assertThat(booked.endsAt().atZoneSameInstant(BUREAU).toLocalDateTime())
        .isEqualTo(INSPECTION_STARTS.plusHours(INSPECTION_LENGTH_HOURS));
  }

  /**
   * 现场核查与技术评审, an hour into the inspection: the officer uploads the photo in the 案卷 tab, then
   * ticks everyone's confirmations and the whole checklist and records the conclusion.
   */
  private void inspect() throws IOException {
    openTask("officer", next(TASK_ON_SITE_INSPECTION));
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    long inspectionId = INSPECTION_ID.from(variables);
    openCaseFile();
    WebElement upload = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form.xuke-cf-evidence-upload")));
    Path photo = Files.write(dir.resolve("现场照片.jpg"), CaseDriver.PHOTO);
    upload.findElement(By.cssSelector("input[type='file']")).sendKeys(photo.toString());
    WebElement captured = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input.xuke-cf-captured")));
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", captured,
        INSPECTION_STARTS.plusMinutes(20).toString());
    upload.findElement(By.cssSelector("input[name='device']")).sendKeys("执法记录仪 03");
    upload.findElement(By.cssSelector("button[type='submit']")).click();
    WebElement uploaded = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
        "#xuke-case-file > .xuke-cf-message, form.xuke-cf-evidence-upload .xuke-cf-message")));
    screenshot("inspection-photo");
    assertThat(uploaded.getText()).as("the upload's answer").isEqualTo("已上传 1 个影像文件。");
    assertThat(inspections.get(inspectionId).evidence()).hasSize(1);

    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("表单"))).click();
    awaitForm();
    int people = INSPECTION_PARTICIPANTS.from(variables).elements().size();
    for (String row : rows("Field_name_Row_ParticipantName_", people)) {
      for (String confirmation : List.of("pledgeRead", "cardHanded", "noFee", "noRide")) {
        WebElement box = browser.driver().findElement(By.cssSelector(
            "input[id$='Field_" + confirmation + "_Row_ParticipantPledge_" + row + "']"));
        scrollTo(box);
        box.click();
      }
      choose("Field_meal_Row_ParticipantMeal_" + row, "未就餐");
    }
    scrollTo(browser.driver().findElement(By.cssSelector("input[id*='Field_name_Row_ParticipantName_']")));
    screenshot("on-site-inspection-people");
    int items = INSPECTION_CHECKS.from(variables).elements().size();
    for (String row : rows("Field_item_Row_CheckItem_", items)) {
      choose("Field_result_Row_CheckResult_" + row, "符合");
    }
    tick("符合条件");
    browser.driver().findElement(By.cssSelector("textarea[id$='Field_inspectionFindings']")).sendKeys("现场与申报材料一致，安全设施完好");
    complete("on-site-inspection", () -> driver.task(instance, TASK_REVIEW_CASE) != null);
    assertThat(inspections.get(inspectionId).state()).isEqualTo(Inspection.State.RECORDED);
  }

  /** 提出审查意见: the officer proposes to grant the licence. */
  private void reviewCase() throws IOException {
    openTask("officer", next(TASK_REVIEW_CASE));
    tick("建议准予许可");
    browser.driver().findElement(By.cssSelector("textarea[id$='Field_reviewOpinion']"))
        .sendKeys("申请材料齐全，专家预审和现场核查均符合条件，建议准予许可");
    complete("review-case", () -> driver.task(instance, TASK_APPROVE_LICENCE) != null);
  }

  /** 首席代表审批: the chief representative grants the licence. */
  private void approve() throws IOException {
    openTask("chief", next(TASK_APPROVE_LICENCE));
    tick("准予许可");
    complete("approve", () -> driver.task(instance, TASK_SIGN_ONLINE) != null);
  }

  /** 分管局长网签: the deputy director reads the case file, then signs; returns the case file's text. */
  private String signOnline() throws IOException {
    openTask("deputy", next(TASK_SIGN_ONLINE));
    String caseFile = caseFileText("case-file-deputy");
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("表单"))).click();
    awaitForm();
    WebElement confirmed = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[id$='Field_signatureConfirmed']")));
    scrollTo(confirmed);
    confirmed.click();
    browser.driver().findElement(By.cssSelector("textarea[id$='Field_signatureRemark']")).sendKeys("同意");
    complete("sign-online", () -> driver.task(instance, TASK_SIGN_ONLINE) == null);
    browser.waiting().until(ignored -> licences.ofCase(applicationId).map(Licence::signedAt).isPresent());
    return caseFile;
  }

  /** 送达许可证: the clerk reads the case file, then sends the licence by EMS; returns the case file's text. */
  private String deliver() throws IOException {
    openTask("clerk", next(TASK_DELIVER_LICENCE));
    String caseFile = caseFileText("case-file-clerk");
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("表单"))).click();
    awaitForm();
    tick("免费邮寄");
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[id$='Field_trackingNumber']")))
        .sendKeys(TRACKING);
    complete("deliver", () -> engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).finished().count() == 1);
    screenshot("delivered");
    return caseFile;
  }

  // ---------------------------------------------------------------------------------------------

  /** Opens the task in Tasklist as the user (a fresh login if someone else was logged in), claims it if it is not theirs yet. */
  private void openTask(String user, Task task) {
    open(user, TASKLIST + "#/?task=" + task.getId());
    browser.waiting().until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(CLAIM),
        ExpectedConditions.visibilityOfElementLocated(UNCLAIM)));
    List<WebElement> claim = browser.driver().findElements(CLAIM);
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
    }
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(UNCLAIM));
    awaitForm();
  }

  /** A page of the app as the user: a fresh login when someone else was logged in, as at a shared desk. */
  private void open(String user, String path) {
    WebDriver page = browser.driver();
    if (user.equals(loggedIn)) {
      page.get("about:blank");
      browser.go(path);
      return;
    }
    if (loggedIn != null) {
      page.manage().deleteAllCookies();
      page.get("about:blank");
    }
    browser.logIn(path, user, "demo");
    loggedIn = user;
  }

  /** Waits until the task's form is loaded and enabled (Tasklist disables it until the task is claimed). */
  private void awaitForm() {
    browser.waiting().until(ignored -> !browser.driver().findElements(By.cssSelector(".fjs-form")).isEmpty()
        && browser.driver().findElements(By.cssSelector(".disabled-form")).isEmpty()
        && browser.driver().findElements(By.cssSelector(".loader")).stream().noneMatch(WebElement::isDisplayed));
  }

  /** Clicks 完成 (below the fold on long forms) and waits until the engine has moved on. */
  private void complete(String step, BooleanSupplier movedOn) throws IOException {
    submit(step, browser.driver().findElement(COMPLETE), movedOn);
  }

  /** Clicks the form's button as the user would, with the filled form on the screenshot; says why it failed. */
  private void submit(String step, WebElement button, BooleanSupplier movedOn) throws IOException {
    scrollTo(button);
    screenshot(step);
    assertThat(button.isEnabled()).as(step + ": the button is enabled once the form is filled").isTrue();
    // a click on the button takes the focus from the field last typed in, and form-js takes a text field's
    // value on that blur (it debounces typing); a script's click moves no focus, so the blur comes first
    ((JavascriptExecutor) browser.driver()).executeScript(
        "if (document.activeElement) { document.activeElement.blur(); } arguments[0].click();", button);
    try {
      browser.waiting().until(ignored -> movedOn.getAsBoolean());
    } catch (TimeoutException e) {
      screenshot(step + "-failed");
      String notices = browser.driver().findElements(By.cssSelector(".notifications .alert")).stream()
          .map(WebElement::getText).reduce("", (a, b) -> a + " | " + b);
      throw new AssertionError(step + ": the case did not move on; Tasklist says: " + notices, e);
    }
  }

  /** The 案卷 tab's text, on two screenshots: its top, and its 办理记录. */
  private String caseFileText(String name) throws IOException {
    openCaseFile();
    screenshot(name);
    WebElement history = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#xuke-case-file section[data-section='history']")));
    scrollTo(history);
    screenshot(name + "-history");
    return browser.driver().findElement(By.id("xuke-case-file")).getText();
  }

  private void openCaseFile() {
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.linkText("案卷"))).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#xuke-case-file section")));
  }

  /** The row numbers of a dynamic list (form-js ends the ids of row n's fields with _n), once it shows them all. */
  private List<String> rows(String firstFieldId, int expected) {
    return browser.waiting().until(ExpectedConditions.numberOfElementsToBe(
            By.cssSelector("input[id*='" + firstFieldId + "']"), expected)).stream()
        .map(input -> input.getDomProperty("id").replaceAll(".*_", "")).toList();
  }

  private void type(String fieldId, String text) {
    WebElement input = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("input[id$='" + fieldId + "']")));
    scrollTo(input);
    input.sendKeys(text);
  }

  /** Clicks a radio or checkbox option by the text its label shows. */
  private void tick(String label) {
    WebElement option = browser.waiting().until(ExpectedConditions.elementToBeClickable(
        By.xpath("//label[.//input][normalize-space(.) = '" + label + "']")));
    scrollTo(option);
    option.click();
  }

  /** Picks an option of a form-js select (a drop-down list, not a native select). */
  private void choose(String fieldIdSuffix, String option) {
    WebElement select = browser.driver().findElement(By.cssSelector("label[for$='" + fieldIdSuffix + "']"))
        .findElement(By.xpath("./.."));
    scrollTo(select);
    select.findElement(By.cssSelector(".fjs-input-group")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(select,
        By.cssSelector(".fjs-dropdownlist-item")));
    select.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(item -> item.getText().equals(option)).findFirst()
        .orElseThrow(() -> new AssertionError("no option " + option + " in " + fieldIdSuffix)).click();
  }

  private void scrollTo(WebElement element) {
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private void screenshot(String name) throws IOException {
    browser.screenshot("walk-%02d-%s.png".formatted(++shots, name));
  }

  private Task next(String taskKey) {
    Task task = driver.task(instance, taskKey);
    assertThat(task).as("the open task " + taskKey).isNotNull();
    return task;
  }

  private Task preReviewOf(String expert) {
    return driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW).stream()
        .filter(task -> expert.equals(task.getAssignee())).findFirst().orElse(null);
  }

  private boolean gone(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0;
  }

  /** The labels the intake form shows for its option values (licence types, materials). */
  private static Map<String, String> intakeOptions() throws IOException {
    Map<String, String> labels = new LinkedHashMap<>();
    for (JsonNode component : new ObjectMapper().readTree(INTAKE_FORM.toFile()).path("components")) {
      component.path("values").forEach(option -> labels.put(option.path("value").asText(), option.path("label").asText()));
    }
    return labels;
  }

  private static String enterpriseName(String creditCode) {
    return "浦江精细化工有限公司" + creditCode.substring(12, 17);
  }

  /** Sets the engine's clock to this moment in Beijing time; it goes on ticking from there, as the case's steps take time. */
  private static void at(LocalDateTime bureauTime) {
    ClockUtil.offset(Duration.between(Instant.now(), bureauTime.atZone(BUREAU).toInstant()).toMillis());
  }
}
