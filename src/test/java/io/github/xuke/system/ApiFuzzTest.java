package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.clock.ClockKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the app's API, fed what no form would send — generated bodies, path variables,
 * query parameters and content types, as callers who may call it, as others and anonymously: never
 * a 5xx, never a stack trace. A jqwik property; the app is the suite's one Spring test context, taken
 * from Spring's context cache ({@link XukeTest} on this class gives the same configuration as every
 * other test's).
 */
@XukeTest
class ApiFuzzTest {

  /** Who calls: the demo staff, the admin, the fuzz case's enterprise, and nobody (null). */
  static final List<String> CALLERS = Arrays.asList("admin", "clerk", "officer", "chief", "deputy", "party",
      "expert", "enterprise", null);
  static final List<String> STAFF = List.of("admin", "clerk", "officer", "chief", "deputy");
  static final List<String> ANYONE = Arrays.asList(null, "clerk", "enterprise");

  enum Body { NONE, JSON, MULTIPART, CSV }

  /** One endpoint: method, path template, what its body is, its body fields or parameters, who may call it. */
  record Endpoint(String method, String path, Body body, List<String> fields, List<String> callers) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Endpoint get(String path, List<String> callers, String... parameters) {
    return new Endpoint("GET", path, Body.NONE, List.of(parameters), callers);
  }

  static Endpoint json(String method, String path, List<String> callers, String... fields) {
    return new Endpoint(method, path, Body.JSON, List.of(fields), callers);
  }

  static Endpoint upload(String path, List<String> callers, String... fields) {
    return new Endpoint("POST", path, Body.MULTIPART, List.of(fields), callers);
  }

  static final List<String> EXPERT_FIELDS = List.of("userId", "name", "specialties", "employer",
      "employerCreditCode", "region", "phone", "active", "conflicts", "email");
  static final List<String> AGENCY_FIELDS = List.of("name", "creditCode", "qualification", "contactName", "phone",
      "active", "conflicts");

  /** Every /api endpoint of the app ({@link #theCatalogueHoldsEveryApiEndpointOfTheApp} keeps it complete). */
  static final List<Endpoint> ENDPOINTS = List.of(
      json("POST", "/api/applications", STAFF, "enterpriseName", "creditCode", "contactName", "contactPhone",
          "licenceType", "materials", "evaluatorName", "evaluatorCreditCode", "district", "registeredAddress",
          "principalName", "businessMode", "licenceScope"),
      get("/api/applications/{id}", STAFF),
      get("/api/applications/{id}/licence/pdf", STAFF),
      get("/api/applications/{id}/licence/first-issue/pdf", STAFF),
      get("/api/applications/{id}/file-index/pdf", STAFF),
      get("/verify/{code}", ANYONE),
      get("/api/applications/{id}/documents", STAFF),
      get("/api/applications/{id}/case-file", STAFF),
      get("/api/tasks/{taskId}/case-file", STAFF),
      upload("/api/applications/{id}/materials/{materialCode}/documents", STAFF),
      get("/api/documents/{id}", STAFF),
      get("/api/notices/{id}/pdf", STAFF),
      json("POST", "/api/precheck", ANYONE, "licenceType", "materials"),
      json("POST", "/api/applications/{id}/materials/{materialCode}/paper-copies", STAFF, "trackingNumber"),
      json("POST", "/api/applications/{id}/paper-copies/{paperCopyId}/received", STAFF, "matchesUpload", "remark"),
      get("/api/applications/{id}/paper-copies", STAFF),
      get("/api/sla/board", List.of("chief", "deputy", "party"), "licenceType", "group", "assignee", "page", "size"),
      get("/api/applications/{id}/clocks", STAFF),
      get("/api/clocks", STAFF, "processInstanceId"),
      json("POST", "/api/applications/{id}/clocks/{kind}/pause", STAFF, "reason", "units"),
      json("POST", "/api/applications/{id}/clocks/{kind}/resume", STAFF, "reason", "units"),
      json("POST", "/api/applications/{id}/clocks/{kind}/extend", List.of("deputy", "admin"), "reason", "units"),
      get("/api/calendar/deadline", ANYONE, "from", "workingDays"),
      get("/api/calendar/working-days-left", ANYONE, "due"),
      get("/api/calendar/years", ANYONE),
      json("PUT", "/api/calendar/years/{year}", List.of("admin"), "holidays", "workdays", "source"),
      get("/api/experts", List.of("officer", "chief")),
      get("/api/experts/{id}", List.of("officer", "chief")),
      json("POST", "/api/experts", List.of("chief", "admin"), EXPERT_FIELDS.toArray(String[]::new)),
      json("PUT", "/api/experts/{id}", List.of("chief", "admin"), EXPERT_FIELDS.toArray(String[]::new)),
      new Endpoint("POST", "/api/experts/import", Body.CSV, List.of(), List.of("chief", "admin")),
      get("/api/agencies", List.of("officer", "chief")),
      json("POST", "/api/agencies", List.of("chief", "admin"), AGENCY_FIELDS.toArray(String[]::new)),
      json("PUT", "/api/agencies/{id}", List.of("chief", "admin"), AGENCY_FIELDS.toArray(String[]::new)),
      get("/api/applications/{id}/expert-draws", List.of("officer", "chief")),
      get("/api/applications/{id}/expert-panel", List.of("officer", "chief")),
      get("/api/expert-draws/{id}/verification", List.of("officer", "chief")),
      get("/api/inspections", List.of("officer", "chief"), "from", "to"),
      get("/api/inspections/{id}", List.of("officer", "chief")),
      upload("/api/inspections/{id}/evidence", List.of("officer"), "capturedAt", "device"),
      get("/api/notifications", List.of("chief", "admin"), "state"),
      json("POST", "/api/enterprise-accounts", List.of("clerk", "admin"), "creditCode"),
      new Endpoint("POST", "/api/enterprise-accounts/{creditCode}/password-reset", Body.NONE, List.of(),
          List.of("clerk", "admin")),
      get("/api/portal/applications", List.of("enterprise")),
      get("/api/portal/applications/{id}", List.of("enterprise")),
      upload("/api/portal/applications/{id}/materials/{materialCode}/documents", List.of("enterprise")),
      upload("/api/portal/applications/{id}/rectification", List.of("enterprise")),
      get("/api/portal/documents/{id}", List.of("enterprise")),
      get("/api/portal/notices/{id}/pdf", List.of("enterprise")),
      json("PUT", "/api/portal/password", List.of("enterprise"), "currentPassword", "newPassword"),
      json("POST", "/api/portal/session", ANYONE, "creditCode", "password"),
      get("/api/portal/session", ANYONE),
      new Endpoint("DELETE", "/api/portal/session", Body.NONE, List.of(), List.of("enterprise")),
      get("/api/expert-opinions/mine", List.of("expert", "admin"), "page", "size"),
      get("/api/staff-districts", List.of("admin")),
      json("PUT", "/api/staff-districts/{userId}", List.of("admin"), "district"));

  /** What the fuzz owns (writes go only there) and what others left (read only). */
  static final class Fixtures {
    long applicationId;
    String creditCode;
    String enterprisePassword;
    long paperCopyId;
    long documentId;
    long expertId;
    long agencyId;
    long expertsBefore;
    long agenciesBefore;
    Set<Integer> yearsBefore;
  }

  static TestContextManager spring;
  static ApiFuzzTest instance;
  static java.lang.reflect.Method property;
  static ApplicationContext context;
  static TestHttp http;
  static JdbcClient jdbc;
  static final Fixtures own = new Fixtures();
  static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * The Spring test lifecycle as its JUnit extension runs it (the process test coverage listens to it),
   * around the whole container: the context from the cache, the test class and one test "method".
   */
  @BeforeContainer
  static void startTheAppAndMakeACase() throws Exception {
    spring = new TestContextManager(ApiFuzzTest.class);
    instance = new ApiFuzzTest();
    property = ApiFuzzTest.class.getDeclaredMethod("noRequestIsAnsweredWithA5xxOrAStackTrace", FuzzRequest.class);
    spring.beforeTestClass();
    spring.prepareTestInstance(instance);
    spring.beforeTestMethod(instance, property);
    context = spring.getTestContext().getApplicationContext();
    http = new TestHttp(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    jdbc = context.getBean(JdbcClient.class);
    own.expertsBefore = jdbc.sql("select coalesce(max(id), 0) from expert").query(Long.class).single();
    own.agenciesBefore = jdbc.sql("select coalesce(max(id), 0) from technical_agency").query(Long.class).single();
    own.yearsBefore = new TreeSet<>(jdbc.sql("select cal_year from calendar_year").query(Integer.class).list());

    own.creditCode = CaseDriver.newCreditCode();
    own.applicationId = created(http.postJson("/api/applications", "clerk", "demo",
        CaseDriver.apiApplication(own.creditCode))).path("applicationId").asLong();
    own.enterprisePassword = created(http.postJson("/api/enterprise-accounts", "clerk", "demo",
        Map.of("creditCode", own.creditCode))).path("initialPassword").asText();
    own.paperCopyId = created(http.postJson("/api/applications/" + own.applicationId
        + "/materials/APPLICATION_FORM/paper-copies", "clerk", "demo", Map.of("trackingNumber", "EMS0001")))
        .path("id").asLong();
    own.documentId = created(http.postMultipart("/api/applications/" + own.applicationId
        + "/materials/APPLICATION_FORM/documents", "clerk", "demo", "file", CaseDriver.PHOTO)).path("id").asLong();
    own.expertId = created(http.postJson("/api/experts", "chief", "demo", expertTemplate()))
        .path("expert").path("id").asLong();
    own.agencyId = created(http.postJson("/api/agencies", "chief", "demo", agencyTemplate())).path("id").asLong();
  }

  private static com.fasterxml.jackson.databind.JsonNode created(TestHttp.Response response) {
    assertThat(response.status()).as(response.body()).isBetween(200, 201);
    return response.json();
  }

  /** Whatever the fuzz managed to create stays out of other tests' way: experts and agencies retired, years unloaded. */
  @AfterContainer
  static void retireWhatTheFuzzCreated() throws Exception {
    if (jdbc == null) {
      return;
    }
    spring.afterTestMethod(instance, property, null);
    spring.afterTestClass();
    jdbc.sql("update expert set active = false where id > ?").param(own.expertsBefore).update();
    jdbc.sql("update technical_agency set active = false where id > ?").param(own.agenciesBefore).update();
    for (Integer year : jdbc.sql("select cal_year from calendar_year").query(Integer.class).list()) {
      if (!own.yearsBefore.contains(year)) {
        jdbc.sql("delete from calendar_year where cal_year = ?").param(year).update();
      }
    }
    context.getBean(WorkingDays.class).reload();
    // the fuzz's wrong passwords slowed this address (LoginThrottle): let the delay pass on the
    // engine's clock and log in once, so that the tests after it are not held up
    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 61_000));
    try {
      assertThat(http.get("/api/experts", "chief", "demo").status()).isEqualTo(200);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  /** One generated request. */
  record FuzzRequest(Endpoint endpoint, String caller, String path, String contentType, byte[] body) {
    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, java.nio.charset.StandardCharsets.UTF_8);
      return endpoint + " as " + caller + ": " + (path.length() > 300 ? path.substring(0, 300) + "…" : path)
          + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text);
    }
  }

  @Property(tries = 600)
  void noRequestIsAnsweredWithA5xxOrAStackTrace(@ForAll("requests") FuzzRequest request) {
    answeredWithoutA5xxOrAStackTrace(request);
  }

  /** Whatever the draw of the property, each endpoint is called at least once by a caller who may, and by nobody. */
  @Example
  void everyEndpointIsCalledByACallerWhoMayAndAnonymously() {
    for (Endpoint endpoint : ENDPOINTS) {
      for (String caller : Arrays.asList(endpoint.callers().get(0), null)) {
        answeredWithoutA5xxOrAStackTrace(request(endpoint, Arbitraries.just(caller)).sample());
      }
    }
  }

  private static void answeredWithoutA5xxOrAStackTrace(FuzzRequest request) {
    String password = "enterprise".equals(request.caller()) ? own.enterprisePassword
        : "admin".equals(request.caller()) ? "xuke-admin" : "demo";
    String user = "enterprise".equals(request.caller()) ? own.creditCode : request.caller();
    TestHttp.Response response = http.send(request.endpoint().method(), request.path(), user,
        user == null ? null : password, request.contentType(), request.body());
    follow(request, response);
    assertThat(response.status()).as("%s → %s", request, response.body()).isLessThan(500);
    assertThat(response.body()).as("%s → %s", request, response.status())
        .doesNotContain("Exception").doesNotContain("at io.").doesNotContain("at org.");
  }

  /** The fuzz case's enterprise keeps a password the fuzz knows. */
  private static void follow(FuzzRequest request, TestHttp.Response response) {
    if (response.status() >= 300) {
      return;
    }
    try {
      if (request.path().endsWith("/password-reset")) {
        String password = response.json().path("initialPassword").asText();
        if (response.json().path("userId").asText().equals(own.creditCode)) {
          own.enterprisePassword = password;
        }
      } else if (request.path().equals("/api/portal/password")) {
        own.enterprisePassword = MAPPER.readTree(request.body()).path("newPassword").asText();
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<FuzzRequest> requests() {
    return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> request(endpoint, caller(endpoint)));
  }

  private static Arbitrary<FuzzRequest> request(Endpoint endpoint, Arbitrary<String> caller) {
    return Combinators.combine(caller, path(endpoint), contentType(endpoint), body(endpoint))
        .as((who, path, type, body) -> new FuzzRequest(endpoint, who, path, type, body));
  }

  private static Arbitrary<String> caller(Endpoint endpoint) {
    return Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.of(endpoint.callers())),
        Tuple.of(2, Arbitraries.just(null)), Tuple.of(1, Arbitraries.of(CALLERS)));
  }

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

  /** The path with its variables filled in, and the query string of a GET. */
  private static Arbitrary<String> path(Endpoint endpoint) {
    Matcher variables = VARIABLE.matcher(endpoint.path());
    Arbitrary<String> path = Arbitraries.just("");
    int end = 0;
    while (variables.find()) {
      String literal = endpoint.path().substring(end, variables.start());
      Arbitrary<String> value = variable(endpoint, variables.group(1)).map(FuzzValues::encoded);
      path = Combinators.combine(path, value).as((before, filled) -> before + literal + filled);
      end = variables.end();
    }
    String rest = endpoint.path().substring(end);
    Arbitrary<String> filled = path.map(before -> before + rest);
    if (endpoint.body() != Body.NONE && !endpoint.method().equals("GET")) {
      return filled;
    }
    Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.of(endpoint.fields().isEmpty()
                ? List.of("x") : endpoint.fields()), Arbitraries.strings().alpha().ofMaxLength(6))
        .flatMap(name -> FuzzValues.field(name).map(value -> FuzzValues.encoded(name) + "="
            + FuzzValues.encoded(String.valueOf(value))))
        .list().ofMaxSize(3).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    return Combinators.combine(filled, query).as(String::concat);
  }

  /** A path variable: the fuzz's own record (writes go nowhere else), another test's (reads), or junk. */
  private static Arbitrary<String> variable(Endpoint endpoint, String name) {
    boolean write = !endpoint.method().equals("GET");
    Arbitrary<String> real = switch (name) {
      case "paperCopyId" -> Arbitraries.just(String.valueOf(own.paperCopyId));
      case "kind" -> Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(ClockKind.values()).map(Enum::name)),
          Tuple.of(1, Arbitraries.just(ClockKind.CORRECTION_NOTICE.name()))); // the fuzz case's running clock
      case "materialCode" -> Arbitraries.of("APPLICATION_FORM", "BUSINESS_LICENCE", "SAFETY_ASSESSMENT_REPORT",
          "RECTIFICATION");
      case "year" -> Arbitraries.of("2099", "2026", "2027", "1999", "2101", "2147483647", "2147483648", "-1");
      case "creditCode" -> Arbitraries.of(own.creditCode, CaseDriver.newCreditCode());
      // never the demo district bureau's own user: other tests read its district
      case "userId" -> Arbitraries.of("clerk", "officer", "nobody");
      default -> ownOrExisting(endpoint.path(), write);
    };
    return Arbitraries.frequencyOf(Tuple.of(6, real), Tuple.of(4, FuzzValues.junkId()));
  }

  private static Arbitrary<String> ownOrExisting(String path, boolean write) {
    String table = path.startsWith("/api/inspections") ? "inspection"
        : path.startsWith("/api/documents") || path.startsWith("/api/portal/documents") ? "case_document"
        : path.contains("/notices/") ? "case_notice"
        : path.startsWith("/api/expert-draws") ? "expert_draw"
        : path.startsWith("/api/experts") ? "expert"
        : path.startsWith("/api/agencies") ? "technical_agency"
        : "licence_application";
    long mine = switch (table) {
      case "case_document" -> own.documentId;
      case "expert" -> own.expertId;
      case "technical_agency" -> own.agencyId;
      default -> own.applicationId;
    };
    List<Long> others = jdbc.sql("select id from " + table + " order by id desc limit 20").query(Long.class).list();
    if (write || others.isEmpty()) {
      return Arbitraries.just(String.valueOf(mine));
    }
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(String.valueOf(mine))),
        Tuple.of(1, Arbitraries.of(others).map(String::valueOf)));
  }

  private static Arbitrary<String> contentType(Endpoint endpoint) {
    String right = switch (endpoint.body()) {
      case JSON -> "application/json";
      case MULTIPART -> FuzzValues.MULTIPART;
      case CSV -> "text/csv";
      case NONE -> null;
    };
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(right)), Tuple.of(1, FuzzValues.contentType()));
  }

  private static Arbitrary<byte[]> body(Endpoint endpoint) {
    return switch (endpoint.body()) {
      case NONE -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just((byte[]) null)),
          Tuple.of(1, FuzzValues.brokenJson()));
      case MULTIPART -> Arbitraries.frequencyOf(Tuple.of(4, FuzzValues.multipart(endpoint.fields())),
          Tuple.of(1, FuzzValues.brokenJson()));
      case CSV -> Arbitraries.frequencyOf(Tuple.of(4, FuzzValues.csv()), Tuple.of(1, FuzzValues.brokenJson()));
      case JSON -> Arbitraries.frequencyOf(
          Tuple.of(3, FuzzValues.objectOf(endpoint.fields()).map(ApiFuzzTest::json)),
          Tuple.of(3, mutated(template(endpoint))),
          Tuple.of(1, FuzzValues.json(3, endpoint.fields()).map(ApiFuzzTest::json)),
          Tuple.of(1, FuzzValues.brokenJson()));
    };
  }

  /** A body the endpoint would take, with one field replaced by any JSON value. */
  private static Arbitrary<byte[]> mutated(Map<String, Object> template) {
    List<String> keys = List.copyOf(template.keySet());
    if (keys.isEmpty()) {
      return FuzzValues.objectOf(List.of()).map(ApiFuzzTest::json);
    }
    return Arbitraries.of(keys).flatMap(key -> FuzzValues.field(key).map(value -> {
      Map<String, Object> body = new HashMap<>(template);
      body.put(key, value);
      return json(body);
    }));
  }

  /** A valid body of each endpoint that takes JSON (experts and agencies inactive, the year far away). */
  private static Map<String, Object> template(Endpoint endpoint) {
    return switch (endpoint.path()) {
      case "/api/applications" -> CaseDriver.apiApplication(CaseDriver.newCreditCode());
      case "/api/precheck" -> Map.of("licenceType", "HAZCHEM_SAFE_USE", "materials", List.of("APPLICATION_FORM"));
      case "/api/applications/{id}/materials/{materialCode}/paper-copies" -> Map.of("trackingNumber", "EMS0002");
      case "/api/applications/{id}/paper-copies/{paperCopyId}/received" ->
          Map.of("matchesUpload", false, "remark", "缺页");
      case "/api/applications/{id}/clocks/{kind}/pause", "/api/applications/{id}/clocks/{kind}/resume",
          "/api/applications/{id}/clocks/{kind}/extend" -> Map.of("reason", "企业申请延期", "units", 2);
      case "/api/calendar/years/{year}" -> Map.of("holidays", List.of("2099-01-01"), "workdays", List.of(),
          "source", "国办发明电〔2098〕1号");
      case "/api/experts", "/api/experts/{id}" -> expertTemplate();
      case "/api/agencies", "/api/agencies/{id}" -> agencyTemplate();
      case "/api/enterprise-accounts" -> Map.of("creditCode", own.creditCode);
      case "/api/portal/password" -> Map.of("currentPassword", own.enterprisePassword, "newPassword", "abcd1234");
      default -> Map.of();
    };
  }

  private static Map<String, Object> expertTemplate() {
    Map<String, Object> expert = new LinkedHashMap<>();
    expert.put("userId", "fuzz" + System.nanoTime() % 1_000_000);
    expert.put("name", "模糊测试专家");
    expert.put("specialties", List.of("消防"));
    expert.put("employer", "某研究院");
    expert.put("phone", "13900009999");
    expert.put("active", false);
    expert.put("conflicts", List.of(Map.of("creditCode", CaseDriver.newCreditCode(), "reason", "曾任顾问")));
    return expert;
  }

  private static Map<String, Object> agencyTemplate() {
    Map<String, Object> agency = new LinkedHashMap<>();
    agency.put("name", "模糊测试评价机构");
    agency.put("creditCode", CaseDriver.newCreditCode());
    agency.put("qualification", "APJ-（沪）-000");
    agency.put("contactName", "钱工");
    agency.put("phone", "021-55550000");
    agency.put("active", false);
    agency.put("conflicts", List.of());
    return agency;
  }

  private static byte[] json(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A new endpoint of the app gets fuzzed as soon as it exists: the catalogue above must name it. */
  @Example
  void theCatalogueHoldsEveryApiEndpointOfTheApp() {
    Set<String> app = new TreeSet<>();
    context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods().keySet()
        .forEach(info -> info.getPatternValues().stream()
            .filter(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/verify/"))
            .forEach(pattern -> info.getMethodsCondition().getMethods()
                .forEach(method -> app.add(method.name() + " " + pattern))));
    Set<String> catalogued = ENDPOINTS.stream().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
    assertThat(catalogued).isEqualTo(app);
  }
}
