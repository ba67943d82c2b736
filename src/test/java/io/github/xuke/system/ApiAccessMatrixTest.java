package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.Assignment;
import io.github.xuke.expert.ExpertDraws;
import io.github.xuke.expert.ExpertService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} endpoint × every role × the user's own and a foreign case: who is let in
 * (any answer but 401/403, never a 5xx) and who is refused (403; 401 without a login). An endpoint
 * the app has and this table lacks fails the test, so a new endpoint cannot go without its row.
 */
@XukeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessMatrixTest {

  static final String LICENCE_TYPE = "HAZCHEM_OPERATION_STORAGE";
  static final String OWN_DISTRICT = "高新区";
  static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  /** The roles tried, with the bureau's own staff first. */
  static final List<String> ROLES = List.of("clerk", "officer", "chief", "deputy", "party", "admin", "expert",
      "district", "liaison", "enterprise", "anonymous");
  static final Set<String> BUREAU = Set.of("clerk", "officer", "chief", "deputy", "party", "admin");
  static final Set<String> ANYONE = new TreeSet<>(ROLES);

  @Autowired ProcessEngine engine;
  @Autowired ExpertDraws draws;
  @Autowired ExpertService experts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;
  @LocalServerPort int port;
  TestHttp http;

  /** The case the expert was drawn for, and one they were not. */
  Fixture own;
  Fixture foreign;
  String expertUser;
  String enterprise;
  String enterprisePassword;

  /** What an endpoint needs of a case. */
  record Fixture(long id, String processInstanceId, String material, long document, long notice, long draw) {}

  /** One row: who may call it, who else may for their own case only (a drawn expert, the district), and the call. */
  record Row(String pattern, String method, Set<String> allowed, Set<String> ownCaseOnly,
      Function<Fixture, String> path, String body) {}

  static final Set<String> NONE = Set.of();
  static final Set<String> DRAWN_EXPERT = Set.of("expert");
  static final Set<String> ISSUED = Set.of("expert", "district");

  /** Once for the class; in a test's run (the coverage of the processes is recorded per test). */
  @BeforeEach
  void cases() {
    if (own != null) {
      return;
    }
    http = new TestHttp(port);
    CaseDriver driver = new CaseDriver(engine);
    // the own case comes in through the intake form with its district, as a clerk enters it in Tasklist
    ProcessInstance first = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(), LICENCE_TYPE,
        driver.completeMaterials(LICENCE_TYPE)).putValue(LicenceApplicationProcess.Variables.DISTRICT.name(), OWN_DISTRICT));
    driver.accept(first);
    long ownId = driver.applicationId(first);
    List<String> onFirst = panel(ownId);
    ProcessInstance second;
    List<String> onSecond;
    do {
      second = driver.acceptedCase(LICENCE_TYPE);
      onSecond = panel(driver.applicationId(second));
    } while (onSecond.containsAll(onFirst));
    List<String> candidates = new ArrayList<>(onFirst);
    candidates.removeAll(onSecond);
    expertUser = candidates.get(0);
    own = fixture(first);
    foreign = fixture(second);
    // the demo district bureau works for 高新区: the own case's enterprise is there, the foreign one not
    assertThat(http.get("/api/applications/" + own.id(), "clerk", "demo").json().path("enterprise").path("district")
        .asText()).isEqualTo(OWN_DISTRICT);
    jdbc.sql("update enterprise set district = ? where id = (select enterprise_id from licence_application where id = ?)")
        .params("经开区", foreign.id()).update();
    enterprise = http.get("/api/applications/" + own.id(), "clerk", "demo").json().path("enterprise")
        .path("creditCode").asText();
    enterprisePassword = http.postJson("/api/enterprise-accounts", "clerk", "demo", Map.of("creditCode", enterprise))
        .json().path("initialPassword").asText();
  }

  /** An open task of the case (its own or of the expert review it calls). */
  private String taskOf(Fixture fixture) {
    String caseNumber = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(fixture.processInstanceId()).singleResult().getBusinessKey();
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).orderByTaskId().asc()
        .listPage(0, 1).get(0).getId();
  }

  private List<String> panel(long applicationId) {
    return draws.panelUsers(applicationId);
  }

  private Fixture fixture(ProcessInstance instance) {
    long id = new CaseDriver(engine).applicationId(instance);
    var view = http.get("/api/applications/" + id, "clerk", "demo").json();
    String material = view.path("materials").get(0).path("materialCode").asText();
    long document = http.postFile("/api/applications/" + id + "/materials/" + material + "/documents",
        "clerk", "demo", "file", "file.pdf", PDF, true).json().path("id").asLong();
    long notice = view.path("notices").get(0).path("id").asLong();
    long draw = draws.drawsOf(id).get(0).id();
    return new Fixture(id, instance.getId(), material, document, notice, draw);
  }

  List<Row> rows() {
    Set<String> caseStaff = Set.of("clerk", "officer", "chief", "deputy", "admin");
    Set<String> supervisors = Set.of("officer", "chief", "deputy", "party", "admin");
    Set<String> staff = new TreeSet<>(ROLES);
    staff.removeAll(Set.of("enterprise", "anonymous"));
    return List.of(
        new Row("/api/applications", "POST", Set.of("clerk", "admin"), NONE, f -> "/api/applications", "{}"),
        new Row("/api/applications/{id}", "GET", BUREAU, DRAWN_EXPERT, f -> "/api/applications/" + f.id(), null),
        new Row("/api/applications/{id}/case-file", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/applications/" + f.id() + "/case-file", null),
        new Row("/api/tasks/{taskId}/case-file", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/tasks/" + taskOf(f) + "/case-file", null),
        new Row("/api/applications/{id}/documents", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/applications/" + f.id() + "/documents", null),
        new Row("/api/applications/{id}/materials/{materialCode}/documents", "POST", Set.of("clerk", "admin"), NONE,
            f -> "/api/applications/" + f.id() + "/materials/" + f.material() + "/documents", "multipart"),
        new Row("/api/documents/{id}", "GET", BUREAU, DRAWN_EXPERT, f -> "/api/documents/" + f.document(), null),
        new Row("/api/notices/{id}/pdf", "GET", BUREAU, ISSUED, f -> "/api/notices/" + f.notice() + "/pdf", null),
        new Row("/api/applications/{id}/licence/pdf", "GET", BUREAU, ISSUED,
            f -> "/api/applications/" + f.id() + "/licence/pdf", null),
        new Row("/api/applications/{id}/licence/first-issue/pdf", "GET", BUREAU, ISSUED,
            f -> "/api/applications/" + f.id() + "/licence/first-issue/pdf", null),
        new Row("/api/applications/{id}/file-index/pdf", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/applications/" + f.id() + "/file-index/pdf", null),
        // the public licence verification page (the certificates' QR code): no login, a wrong code is a 404
        new Row("/verify/{code}", "GET", ANYONE, NONE, f -> "/verify/" + "N".repeat(32), null),
        new Row("/api/applications/{id}/clocks", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/applications/" + f.id() + "/clocks", null),
        new Row("/api/clocks", "GET", BUREAU, DRAWN_EXPERT, f -> "/api/clocks?processInstanceId=" + f.processInstanceId(), null),
        new Row("/api/applications/{id}/clocks/{kind}/pause", "POST", caseStaff, NONE,
            f -> "/api/applications/" + f.id() + "/clocks/NO_SUCH_CLOCK/pause", "{\"reason\":\"\"}"),
        new Row("/api/applications/{id}/clocks/{kind}/resume", "POST", caseStaff, NONE,
            f -> "/api/applications/" + f.id() + "/clocks/NO_SUCH_CLOCK/resume", "{\"reason\":\"\"}"),
        new Row("/api/applications/{id}/clocks/{kind}/extend", "POST", Set.of("deputy", "admin"), NONE,
            f -> "/api/applications/" + f.id() + "/clocks/NO_SUCH_CLOCK/extend", "{\"reason\":\"\"}"),
        new Row("/api/sla/board", "GET", Set.of("chief", "deputy", "party", "admin"), NONE, f -> "/api/sla/board", null),
        new Row("/api/applications/{id}/materials/{materialCode}/paper-copies", "POST", Set.of("clerk", "admin"), NONE,
            f -> "/api/applications/" + f.id() + "/materials/NO_SUCH_MATERIAL/paper-copies", "{\"trackingNumber\":\"\"}"),
        new Row("/api/applications/{id}/paper-copies/{paperCopyId}/received", "POST", Set.of("clerk", "admin"), NONE,
            f -> "/api/applications/" + f.id() + "/paper-copies/999999/received", "{\"matchesUpload\":true}"),
        new Row("/api/applications/{id}/paper-copies", "GET", BUREAU, DRAWN_EXPERT,
            f -> "/api/applications/" + f.id() + "/paper-copies", null),
        new Row("/api/applications/{id}/expert-draws", "GET", supervisors, NONE,
            f -> "/api/applications/" + f.id() + "/expert-draws", null),
        new Row("/api/applications/{id}/expert-panel", "GET", supervisors, NONE,
            f -> "/api/applications/" + f.id() + "/expert-panel", null),
        new Row("/api/expert-draws/{id}/verification", "GET", supervisors, NONE,
            f -> "/api/expert-draws/" + f.draw() + "/verification", null),
        new Row("/api/staff-districts", "GET", Set.of("admin"), NONE, f -> "/api/staff-districts", null),
        new Row("/api/staff-districts/{userId}", "PUT", Set.of("admin"), NONE, f -> "/api/staff-districts/district",
            "{\"district\":\"" + OWN_DISTRICT + "\"}"),
        new Row("/api/expert-opinions/mine", "GET", Set.of("expert", "admin"), NONE,
            f -> "/api/expert-opinions/mine", null),
        new Row("/api/experts", "GET", supervisors, NONE, f -> "/api/experts", null),
        new Row("/api/experts/{id}", "GET", supervisors, NONE, f -> "/api/experts/1", null),
        new Row("/api/experts", "POST", Set.of("chief", "admin"), NONE, f -> "/api/experts", "{}"),
        new Row("/api/experts/{id}", "PUT", Set.of("chief", "admin"), NONE, f -> "/api/experts/999999", "{}"),
        new Row("/api/experts/import", "POST", Set.of("chief", "admin"), NONE, f -> "/api/experts/import", "csv"),
        new Row("/api/agencies", "GET", supervisors, NONE, f -> "/api/agencies", null),
        new Row("/api/agencies", "POST", Set.of("chief", "admin"), NONE, f -> "/api/agencies", "{}"),
        new Row("/api/agencies/{id}", "PUT", Set.of("chief", "admin"), NONE, f -> "/api/agencies/999999", "{}"),
        new Row("/api/inspections", "GET", Set.of("officer", "chief", "deputy", "party", "admin", "expert"), NONE,
            f -> "/api/inspections", null),
        new Row("/api/inspections/{id}", "GET", Set.of("officer", "chief", "deputy", "party", "admin", "expert"), NONE,
            f -> "/api/inspections/999999", null),
        new Row("/api/inspections/{id}/evidence", "POST", Set.of("officer", "admin", "expert"), NONE,
            f -> "/api/inspections/999999/evidence", "multipart"),
        new Row("/api/notifications", "GET", Set.of("chief", "admin"), NONE, f -> "/api/notifications", null),
        new Row("/api/enterprise-accounts", "POST", Set.of("clerk", "admin"), NONE,
            f -> "/api/enterprise-accounts", "{\"creditCode\":\"bad\"}"),
        new Row("/api/enterprise-accounts/{creditCode}/password-reset", "POST", Set.of("clerk", "admin"), NONE,
            f -> "/api/enterprise-accounts/NO_SUCH_CODE/password-reset", "{}"),
        new Row("/api/calendar/deadline", "GET", ANYONE, NONE,
            f -> "/api/calendar/deadline?from=2026-09-30&workingDays=3", null),
        new Row("/api/calendar/working-days-left", "GET", ANYONE, NONE,
            f -> "/api/calendar/working-days-left?due=2026-12-07&due=2026-12-01", null),
        new Row("/api/calendar/years", "GET", ANYONE, NONE, f -> "/api/calendar/years", null),
        new Row("/api/calendar/years/{year}", "PUT", Set.of("admin"), NONE, f -> "/api/calendar/years/2031", "{}"),
        new Row("/api/precheck", "POST", ANYONE, NONE, f -> "/api/precheck",
            "{\"licenceType\":\"" + LICENCE_TYPE + "\",\"materials\":[]}"),
        new Row("/api/portal/applications", "GET", Set.of("enterprise"), NONE, f -> "/api/portal/applications", null),
        new Row("/api/portal/applications/{id}", "GET", Set.of("enterprise"), NONE,
            f -> "/api/portal/applications/" + f.id(), null),
        new Row("/api/portal/applications/{id}/materials/{materialCode}/documents", "POST", Set.of("enterprise"), NONE,
            f -> "/api/portal/applications/" + f.id() + "/materials/NO_SUCH_MATERIAL/documents", "multipart"),
        new Row("/api/portal/applications/{id}/rectification", "POST", Set.of("enterprise"), NONE,
            f -> "/api/portal/applications/" + f.id() + "/rectification", "multipart"),
        new Row("/api/portal/documents/{id}", "GET", Set.of("enterprise"), NONE,
            f -> "/api/portal/documents/" + f.document(), null),
        new Row("/api/portal/notices/{id}/pdf", "GET", Set.of("enterprise"), NONE,
            f -> "/api/portal/notices/" + f.notice() + "/pdf", null),
        new Row("/api/portal/password", "PUT", Set.of("enterprise"), NONE, f -> "/api/portal/password", "{}"),
        new Row("/api/portal/session", "POST", ANYONE, NONE, f -> "/api/portal/session", "{}"),
        new Row("/api/portal/session", "GET", ANYONE, NONE, f -> "/api/portal/session", null),
        new Row("/api/portal/session", "DELETE", Set.of("enterprise"), NONE, f -> "/api/portal/session", null));
  }

  @Test
  void everyEndpointHasItsRow() {
    Set<String> app = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/") || pattern.startsWith("/verify/")) {
          info.getMethodsCondition().getMethods().forEach(method -> app.add(method + " " + pattern));
        }
      }
    }
    Set<String> table = new TreeSet<>();
    rows().forEach(row -> table.add(row.method() + " " + row.pattern()));
    assertThat(table).containsExactlyInAnyOrderElementsOf(app);
  }

  @Test
  void eachRoleReachesWhatItsRoleAndItsCasesAllow() {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Row row : rows()) {
      for (String role : ROLES) {
        for (Fixture fixture : List.of(own, foreign)) {
          boolean allowed = row.allowed().contains(role) || (row.ownCaseOnly().contains(role) && fixture == own);
          TestHttp.Response response;
          try {
            response = call(row, role, fixture);
          } catch (RuntimeException e) {
            throw new IllegalStateException(row.method() + " " + row.path().apply(fixture) + " as " + role, e);
          }
          int refusal = role.equals("anonymous") ? 401 : 403;
          boolean ok = allowed
              ? response.status() != 401 && response.status() != 403 && response.status() < 500
              : response.status() == refusal;
          if (!ok) {
            wrong.put(row.method() + " " + row.path().apply(fixture) + " as " + role
                + (fixture == own ? " (own case)" : " (foreign case)"),
                (allowed ? "should be let in" : "should be refused " + refusal) + ", got " + response.status()
                    + " " + response.body().substring(0, Math.min(200, response.body().length())));
          }
          if (row.path().apply(own).equals(row.path().apply(foreign))) {
            break;
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void noAccountOtherThanAnExpertsOwnBecomesAnExpert() {
    for (String userId : List.of("admin", "clerk", "deputy", enterprise)) {
      TestHttp.Response response = http.postJson("/api/experts", "chief", "demo", Map.of("userId", userId,
          "name", "冒名", "specialties", List.of("化工工艺"), "employer", "某单位", "region", "市辖区",
          "phone", "13800000000", "active", true));
      assertThat(response.status()).as(userId + ": " + response.body()).isEqualTo(409);
      assertThat(response.json().path("message").asText()).contains("不能登记为专家");
    }
    String csv = "账号,姓名,专长,工作单位,工作单位统一社会信用代码,地区,联系电话,在库,回避企业\n"
        + "newexpert77,新专家,化工工艺,某研究院,,市辖区,13800000001,是,\n"
        + "deputy,冒名,化工工艺,某单位,,市辖区,13800000000,是,\n";
    TestHttp.Response imported = http.post("/api/experts/import", "chief", "demo", "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(400);
    assertThat(imported.json().path("message").asText()).contains("第3行", "deputy", "不能登记为专家");
    assertThat(experts.all()).as("nothing of the file is stored").noneMatch(expert -> expert.userId().equals("newexpert77"));
  }

  private TestHttp.Response call(Row row, String role, Fixture fixture) {
    String user = switch (role) {
      case "anonymous" -> null;
      case "expert" -> expertUser;
      case "enterprise" -> enterprise;
      default -> role;
    };
    String password = switch (role) {
      case "admin" -> "xuke-admin";
      case "enterprise" -> enterprisePassword;
      default -> "demo";
    };
    String path = row.path().apply(fixture);
    if (row.method().equals("DELETE")) {
      return http.delete(path, user, password);
    }
    if (row.body() == null) {
      return http.get(path, user, password);
    }
    if (row.body().equals("multipart")) {
      return http.postFile(path, user, password, "file", "file.pdf", PDF, true);
    }
    if (row.body().equals("csv")) {
      return http.post(path, user, password, "text/csv", "账号,姓名\n".getBytes(StandardCharsets.UTF_8));
    }
    return row.method().equals("PUT")
        ? http.putJson(path, user, password, row.body())
        : http.postJson(path, user, password, row.body());
  }
}
