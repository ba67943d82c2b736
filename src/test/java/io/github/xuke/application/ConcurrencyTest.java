package io.github.xuke.application;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.ACCEPTANCE_DECISION;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.TOLERANCE_PLEDGED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.portal.EnterpriseAccounts;
import java.lang.reflect.Field;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Races at the window, over real HTTP as Tasklist, the webapps and the app's clients send them:
 * people doing things at the same moment each get a 2xx or, where two did the same thing, a 409 with
 * a Chinese message — never a 500 — and nothing is stored twice.
 */
@XukeTest
class ConcurrencyTest {

  /** No scenario may take longer (2 cores shared with other builds). */
  static final Duration BOUND = Duration.ofMinutes(3);
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ProcessEngine engine;
  TestHttp http;
  CaseDriver driver;

  /** One HTTP call's outcome, kept for the report. */
  record Call(String what, int status, String body) {}

  @BeforeEach
  void setUp() {
    http = new TestHttp(port);
    driver = new CaseDriver(engine);
    coverageCollectorThreadSafe(true);
  }

  @AfterEach
  void tearDown() {
    coverageCollectorThreadSafe(false);
  }

  /** The done-when of the issue: 4 clerks receive 40 cases and accept them at once, as in Tasklist. */
  @Test
  void fourClerksReceiveAndAccept40CasesAtOnce() throws Exception {
    List<String> clerks = List.of("clerk", "clerk", "clerk2", "clerk2"); // each in two browser tabs
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    List<String> instances = Collections.synchronizedList(new ArrayList<>());

    inParallel(clerks.size(), client -> {
      for (int i = 0; i < 10; i++) {
        TestHttp.Response started = http.postJson("/api/applications", clerks.get(client), "demo",
            CaseDriver.apiApplication(CaseDriver.newCreditCode()));
        calls.add(new Call("receive", started.status(), started.body()));
        if (started.status() == 201) {
          instances.add(started.json().path("processInstanceId").asText());
        }
      }
    });
    assertThat(instances).as("received: %s", calls).hasSize(40);

    inParallel(clerks.size(), client -> acceptAsInTasklist(clerks.get(client), new Random(client), instances, calls));

    assertThat(calls).as("no server error").noneMatch(call -> call.status() >= 500);
    assertThat(calls).allSatisfy(call -> assertThat(call.status()).as(call.toString()).isIn(200, 201, 204, 409));
    List<Map<String, Object>> cases = jdbc.sql("""
            select case_number, status from licence_application where process_instance_id in (:instances)""")
        .param("instances", instances).query().listOfRows();
    assertThat(cases).extracting(row -> row.get("STATUS")).as("every case accepted").hasSize(40).containsOnly("ACCEPTED");
    assertThat(cases).extracting(row -> row.get("CASE_NUMBER")).doesNotHaveDuplicates();
    List<String> notices = jdbc.sql("""
            select n.notice_number from case_notice n join licence_application a on a.id = n.application_id
            where a.process_instance_id in (:instances) and n.kind = 'ACCEPTANCE'""")
        .param("instances", instances).query(String.class).list();
    assertThat(notices).as("one acceptance notice per case").hasSize(40).doesNotHaveDuplicates()
        .allMatch(number -> number.matches("市应急许受字〔\\d{4}〕\\d{6}号"));
    List<Integer> serials = notices.stream().map(number -> Integer.valueOf(number.replaceAll(".*〕(\\d{6})号", "$1")))
        .sorted().toList();
    assertThat(serials.get(39) - serials.get(0)).as("a step that lost its race took no number: %s", serials).isEqualTo(39);
  }

  /**
   * A clerk's Tasklist: the group's open acceptance tasks, one picked (often the same one as a
   * colleague's), claimed unless already theirs, and its form submitted — until none is left.
   */
  private void acceptAsInTasklist(String clerk, Random random, List<String> instances, ConcurrentLinkedQueue<Call> calls) {
    while (true) {
      List<JsonNode> open = new ArrayList<>();
      http.get("/engine-rest/task?taskDefinitionKey=" + TASK_ACCEPT_APPLICATION + "&processDefinitionKey="
          + LicenceApplicationProcess.PROCESS_ID + "&maxResults=200", clerk, "demo").json().forEach(task -> {
            if (instances.contains(task.path("processInstanceId").asText())
                && (task.path("assignee").isNull() || task.path("assignee").asText().equals(clerk))) {
              open.add(task);
            }
          });
      if (open.isEmpty()) {
        return;
      }
      JsonNode task = open.get(random.nextInt(Math.min(3, open.size())));
      String id = task.path("id").asText();
      if (task.path("assignee").isNull()) {
        TestHttp.Response claim = http.postJson("/engine-rest/task/" + id + "/claim", clerk, "demo", Map.of("userId", clerk));
        calls.add(new Call("claim " + id + " by " + clerk, claim.status(), claim.body()));
        if (claim.status() != 204) {
          continue;
        }
      }
      TestHttp.Response accepted = http.postJson("/engine-rest/task/" + id + "/submit-form", clerk, "demo", acceptance());
      calls.add(new Call("accept " + id + " by " + clerk, accepted.status(), accepted.body()));
    }
  }

  /** The same task completed twice at once (two tabs, a double click): one 204, one 409. */
  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/task/%s/complete", "/engine-rest/task/%s/submit-form",
      WEBAPP_ENGINE + "/task/%s/submit-form"})
  void aTaskCompletedTwiceAtOnceIsDoneOnceAndTheOtherIsTold(String path) throws Exception {
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
        "HAZCHEM_OPERATION_STORAGE", CaseDriver.STORAGE_MATERIALS));
    String task = driver.task(instance, TASK_ACCEPT_APPLICATION).getId();
    driver.as("clerk", () -> {
      engine.getTaskService().claim(task, "clerk");
      return null;
    });
    List<Tasklist> tabs = List.of(new Tasklist("clerk"), new Tasklist("clerk"));

    List<Call> calls = atOnce(2, tab -> path.startsWith(WEBAPP_ENGINE)
        ? tabs.get(tab).post(path.formatted(task), acceptance())
        : call(http.postJson(path.formatted(task), "clerk", "demo", acceptance())));

    assertThat(calls).extracting(Call::status).as("%s", calls).containsExactlyInAnyOrder(204, 409);
    JsonNode refusal = new TestHttp.Response(409, calls.stream().filter(call -> call.status() == 409)
        .findFirst().orElseThrow().body()).json();
    assertThat(refusal.path("type").asText()).isIn("OptimisticLockingException", "TaskNotFoundException");
    assertThat(refusal.path("message").asText()).contains("本次");
    assertThat(jdbc.sql("select count(*) from case_notice where application_id = ? and kind = 'ACCEPTANCE'")
        .param(driver.applicationId(instance)).query(Long.class).single()).as("accepted once").isEqualTo(1);
  }

  @Test
  void twoClerksClaimingOneTaskAtOnceAreToldWhoWasFirst() throws Exception {
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
        "HAZCHEM_OPERATION_STORAGE", CaseDriver.STORAGE_MATERIALS));
    String task = driver.task(instance, TASK_ACCEPT_APPLICATION).getId();
    List<String> clerks = List.of("clerk", "clerk2");

    List<Call> calls = atOnce(2, i -> call(http.postJson("/engine-rest/task/" + task + "/claim", clerks.get(i), "demo",
        Map.of("userId", clerks.get(i)))));

    assertThat(calls).extracting(Call::status).as("%s", calls).containsExactlyInAnyOrder(204, 409);
    assertThat(calls).filteredOn(call -> call.status() == 409).extracting(Call::body)
        .allSatisfy(body -> assertThat(body).contains("他人"));
  }

  /**
   * Two clerks at one task: the winner's completion takes the task's permissions away before the task
   * is gone for the loser, whose step the engine then refuses as unauthorized — a lost race, 409.
   */
  @Test
  void aTaskRefusedBecauseAColleagueJustClaimedOrCompletedItIsALostRace() {
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm(CaseDriver.newCreditCode(),
        "HAZCHEM_OPERATION_STORAGE", CaseDriver.STORAGE_MATERIALS));
    String task = driver.task(instance, TASK_ACCEPT_APPLICATION).getId();
    var mapper = new io.github.xuke.system.EngineRestErrors.ClaimedMeanwhile();
    engine.getIdentityService().setAuthentication("clerk", List.of("window-clerk"));
    try {
      var refusal = new org.camunda.bpm.engine.AuthorizationException("clerk", "TASK_WORK", "Task", task);
      assertThat(mapper.isMappable(refusal)).as("the task is there and nobody's: a real refusal").isFalse();
      engine.getTaskService().claim(task, "clerk2");
      assertThat(mapper.isMappable(refusal)).isTrue();
      assertThat(mapper.toResponse(refusal).getStatus()).isEqualTo(409);
      assertThat(mapper.isMappable(new org.camunda.bpm.engine.AuthorizationException("clerk", "TASK_WORK", "Task",
          "no-such-task"))).as("completed meanwhile").isTrue();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Two windows receive two applications of a new enterprise at the same moment: one enterprise, two cases. */
  @Test
  void twoApplicationsOfANewEnterpriseAtOnceMakeOneEnterprise() throws Exception {
    String creditCode = CaseDriver.newCreditCode();
    List<String> clerks = List.of("clerk", "clerk2");

    List<Call> calls = atOnce(2, i -> call(http.postJson("/api/applications", clerks.get(i), "demo",
        CaseDriver.apiApplication(creditCode))));

    assertThat(calls).extracting(Call::status).as("%s", calls).containsExactly(201, 201);
    assertThat(jdbc.sql("select count(*) from enterprise where credit_code = ?").param(creditCode)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("""
            select count(*) from licence_application a join enterprise e on e.id = a.enterprise_id
            where e.credit_code = ?""").param(creditCode).query(Long.class).single()).isEqualTo(2);
  }

  /** The account is opened once; the other windows are told it exists (three enterprises, four windows each). */
  @Test
  void anAccountOpenedSeveralTimesAtOnceIsOpenedOnce() throws Exception {
    List<String> clerks = List.of("clerk", "clerk2", "clerk", "clerk2");
    for (int round = 0; round < 3; round++) {
      String creditCode = CaseDriver.newCreditCode();
      assertThat(http.postJson("/api/applications", "clerk", "demo", CaseDriver.apiApplication(creditCode)).status())
          .isEqualTo(201);

      List<Call> calls = atOnce(clerks.size(), i -> call(http.postJson("/api/enterprise-accounts", clerks.get(i), "demo",
          Map.of("creditCode", creditCode))));

      assertThat(calls).extracting(Call::status).as("%s", calls).containsExactlyInAnyOrder(201, 409, 409, 409);
      assertThat(calls).filteredOn(call -> call.status() == 409).extracting(Call::body)
          .allSatisfy(body -> assertThat(body).contains("已开通"));
      assertThat(engine.getIdentityService().createUserQuery().userId(creditCode).count()).isEqualTo(1);
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup(EnterpriseAccounts.GROUP)
          .userId(creditCode).count()).as("the account is in its group").isEqualTo(1);
    }
  }

  @Test
  void aPausedClockCannotBePausedAgainNorARunningOneResumed() {
    long id = driver.applicationId(driver.acceptedCase("HAZCHEM_OPERATION_STORAGE"));
    String inspection = "/api/applications/" + id + "/clocks/" + ClockKind.INSPECTION + "/";

    assertThat(http.postJson(inspection + "pause", "officer", "demo", Map.of("reason", "企业申请推迟现场核查")).status())
        .isEqualTo(200);
    TestHttp.Response again = http.postJson(inspection + "pause", "officer", "demo", Map.of("reason", "再次暂停"));
    TestHttp.Response running = http.postJson("/api/applications/" + id + "/clocks/" + ClockKind.COMMITTED_DECISION
        + "/resume", "officer", "demo", Map.of("reason", "恢复"));

    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.json().path("message").asText()).contains("已暂停");
    assertThat(running.status()).as(running.body()).isEqualTo(409);
    assertThat(running.json().path("message").asText()).contains("正在计时");
    assertThat(events(id, ClockKind.INSPECTION, "PAUSED")).isEqualTo(1);
  }

  @Test
  void twoPausesOfOneClockAtOnceMakeOnePause() throws Exception {
    long id = driver.applicationId(driver.acceptedCase("HAZCHEM_OPERATION_STORAGE"));
    List<String> staff = List.of("officer", "officer2");

    List<Call> calls = atOnce(2, i -> call(http.postJson("/api/applications/" + id + "/clocks/"
        + ClockKind.COMMITTED_DECISION + "/pause", staff.get(i), "demo", Map.of("reason", "企业申请暂停"))));

    assertThat(calls).extracting(Call::status).as("%s", calls).containsExactlyInAnyOrder(200, 409);
    assertThat(events(id, ClockKind.COMMITTED_DECISION, "PAUSED")).isEqualTo(1);
  }

  private long events(long applicationId, ClockKind kind, String event) {
    return jdbc.sql("""
            select count(*) from clock_event e join case_clock c on c.id = e.clock_id
            where c.application_id = ? and c.kind = ? and e.event = ?""")
        .params(applicationId, kind.name(), event).query(Long.class).single();
  }

  /** The 材料审查与受理 form as a clerk submits it: accept, with the applicant's pledge. */
  private static Map<String, Object> acceptance() {
    return Map.of("variables", Map.of(
        ACCEPTANCE_DECISION.name(), Map.of("value", LicenceApplicationProcess.Values.ACCEPT, "type", "String"),
        TOLERANCE_PLEDGED.name(), Map.of("value", true, "type", "Boolean")));
  }

  private static Call call(TestHttp.Response response) {
    return new Call("", response.status(), response.body());
  }

  /** Tasklist in a browser: logged in through the webapp, sending its CSRF token as the page does. */
  final class Tasklist {

    private final HttpClient client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    private String csrfToken;

    Tasklist(String user) {
      csrfToken = send(HttpRequest.newBuilder(uri(WEBAPP_ENGINE + "/../")).GET()).headers()
          .firstValue("X-XSRF-TOKEN").orElseThrow();
      HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=demo")));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      csrfToken = send(HttpRequest.newBuilder(uri(WEBAPP_ENGINE + "/../")).GET()).headers()
          .firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    }

    Call post(String path, Object body) {
      try {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(body))));
        return new Call(path, response.statusCode(), response.body());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path).normalize();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  interface ClientWork {
    void run(int client) throws Exception;
  }

  /** The same call by {@code clients} clients released at the same moment; their outcomes. */
  static List<Call> atOnce(int clients, IntFunction<Call> call) throws Exception {
    List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    inParallel(clients, client -> calls.add(call.apply(client)));
    return calls;
  }

  /** Runs the clients' work at once (they start together) and waits for all, within the bound. */
  static void inParallel(int clients, ClientWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CyclicBarrier start = new CyclicBarrier(clients);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int client = i;
        done.add(pool.submit((Callable<Object>) () -> {
          start.await();
          work.run(client);
          return null;
        }));
      }
      for (Future<Object> future : done) {
        future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The process test coverage library collects the engine's events in plain lists, which concurrent
   * requests would corrupt (and then fail the engine's commands): while these tests run, its
   * collector is called under a lock.
   */
  private void coverageCollectorThreadSafe(boolean on) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (Object listener : configuration.getCustomPostBPMNParseListeners()) {
      if (listener instanceof ElementCoverageParseListener coverage) {
        try {
          Field state = ElementCoverageParseListener.class.getDeclaredField("coverageState");
          state.setAccessible(true);
          Collector collector = (Collector) state.get(coverage);
          if (on && collector != null && !(collector instanceof Locked)) {
            coverage.setCoverageState(new Locked(collector));
          } else if (!on && collector instanceof Locked locked) {
            coverage.setCoverageState(locked.collector());
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("the coverage library changed: " + e, e);
        }
      }
    }
  }

  private record Locked(Collector collector) implements Collector {
    @Override
    public void addEvent(org.camunda.community.process_test_coverage.core.model.Event event) {
      synchronized (this) {
        collector.addEvent(event);
      }
    }
  }
}
