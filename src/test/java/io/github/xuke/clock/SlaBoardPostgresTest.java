package io.github.xuke.clock;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.EmbeddedPostgresSchema;
import io.github.xuke.core.LimitUnit;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA board's SQL on PostgreSQL (the multi-node database), against the engine's real tables:
 * the order kept by {@link ClockRepository}, a page, the counts, and the filters by licence type,
 * group and assignee.
 */
class SlaBoardPostgresTest {

  static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-10T09:00:00+08:00");

  static EmbeddedPostgresSchema postgres;
  static JdbcClient jdbc;
  static ClockRepository clocks;
  static SlaBoardQueries queries;
  static long late;
  static long soon;
  static long later;

  @BeforeAll
  static void threeCasesWithClocksAndTasks() throws Exception {
    postgres = EmbeddedPostgresSchema.start("sla-board-postgres-test");
    jdbc = JdbcClient.create(postgres.dataSource());
    clocks = new ClockRepository(jdbc);
    queries = new SlaBoardQueries(jdbc);
    ProcessEngine engine = postgres.engine();
    engine.getRepositoryService().createDeployment().addModelInstance("board.bpmn", Bpmn.createExecutableProcess("Board")
        .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Officer").camundaCandidateGroups("case-officer")
        .endEvent().done()).deploy();
    jdbc.sql("""
        insert into enterprise (credit_code, name, contact_name, contact_phone, created_at, updated_at)
        values ('91350100M000100Y43', '某公司', '张三', '13812345678', now(), now())""").update();
    long enterprise = jdbc.sql("select id from enterprise").query(Long.class).single();
    late = aCase(enterprise, "XK-2026-000001", "FIREWORKS_WHOLESALE");
    soon = aCase(enterprise, "XK-2026-000002", "HAZCHEM_SAFE_USE");
    later = aCase(enterprise, "XK-2026-000003", "HAZCHEM_SAFE_USE");
    long breached = clocks.insert(late, ClockKind.INSPECTION, NOW.minusDays(5), 3, LimitUnit.WORKING_DAYS,
        NOW.minusDays(1), NOW.minusDays(2), false);
    clocks.update(clocks.get(breached).breached(NOW.minusDays(1)));
    clocks.insert(soon, ClockKind.INSPECTION, NOW, 3, LimitUnit.WORKING_DAYS, NOW.plusHours(2), NOW.minusHours(1), false);
    clocks.insert(later, ClockKind.INSPECTION, NOW, 3, LimitUnit.WORKING_DAYS, NOW.plusDays(3), NOW.plusDays(2), false);
    engine.getRuntimeService().startProcessInstanceByKey("Board", "XK-2026-000002");
    String task = engine.getTaskService().createTaskQuery().singleResult().getId();
    engine.getTaskService().claim(task, "officer");
    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("case-officer"));
    engine.getIdentityService().saveUser(engine.getIdentityService().newUser("officer"));
    engine.getIdentityService().createMembership("officer", "case-officer");
  }

  private static long aCase(long enterprise, String caseNumber, String licenceType) {
    jdbc.sql("""
        insert into licence_application (case_number, enterprise_id, enterprise_name, licence_type, status,
          received_at, received_by) values (?, ?, '某公司', ?, 'ACCEPTED', now(), 'clerk')""")
        .params(caseNumber, enterprise, licenceType).update();
    return jdbc.sql("select id from licence_application where case_number = ?").param(caseNumber)
        .query(Long.class).single();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  static SlaBoardQueries.Filter filter(String licenceType, String group, String assignee) {
    return new SlaBoardQueries.Filter(licenceType, group, assignee);
  }

  @Test
  void breachedFirstThenByTheNearestDueWithTheCountsOfEveryPage() {
    assertThat(queries.page(filter(null, null, null), 0, 50)).containsExactly(late, soon, later);
    assertThat(queries.page(filter(null, null, null), 1, 2)).containsExactly(later);
    assertThat(queries.counts(filter(null, "", " "), NOW)).isEqualTo(new SlaBoardQueries.Counts(3, 1, 1, 1, 0, 0));
  }

  @Test
  void filtersByLicenceTypeGroupAndAssigneeInTheDatabase() {
    assertThat(queries.page(filter("HAZCHEM_SAFE_USE", null, null), 0, 50)).containsExactly(soon, later);
    assertThat(queries.page(filter(null, "case-officer", null), 0, 50)).containsExactly(soon);
    assertThat(queries.page(filter(null, null, "officer"), 0, 50)).containsExactly(soon);
    assertThat(queries.counts(filter("FIREWORKS_WHOLESALE", "case-officer", null), NOW).cases()).isZero();
  }

  @Test
  void aPageReadsItsClocksTasksGroupsAndMemberships() {
    assertThat(queries.watchedClocks(List.of(late, soon)).keySet()).containsExactly(late, soon);
    List<SlaBoardQueries.TaskRow> tasks = queries.openTasks(List.of("XK-2026-000002", "XK-2026-000003"));
    assertThat(tasks).singleElement().satisfies(task -> {
      assertThat(task.caseNumber()).isEqualTo("XK-2026-000002");
      assertThat(task.assignee()).isEqualTo("officer");
    });
    assertThat(queries.candidateGroups(List.of(tasks.get(0).id())).get(tasks.get(0).id())).containsExactly("case-officer");
    assertThat(queries.groupsOf(List.of("officer")).get("officer")).containsExactly("case-officer");
  }

  @Test
  void aCaseWhoseClocksAreAllMetLeavesTheBoard() {
    long done = aCase(jdbc.sql("select min(id) from enterprise").query(Long.class).single(), "XK-2026-000004",
        "HAZCHEM_SAFE_USE");
    long clock = clocks.insert(done, ClockKind.INSPECTION, NOW, 3, LimitUnit.WORKING_DAYS, NOW.plusDays(1), NOW, false);
    assertThat(queries.page(filter(null, null, null), 0, 50)).contains(done);

    clocks.update(clocks.get(clock).met(NOW));

    assertThat(queries.page(filter(null, null, null), 0, 50)).doesNotContain(done);
  }
}
