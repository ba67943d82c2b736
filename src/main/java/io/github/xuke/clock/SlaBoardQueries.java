package io.github.xuke.clock;

import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SLA board's reads, each one statement whatever the number of open cases: a page of cases in the
 * order of {@code case_clock_summary} (its index), the counts over every case the filter lets through,
 * and for the page only its clocks and open tasks.
 *
 * <p>Two filters look beyond the clock tables, read-only: the licence type in {@code licence_application}
 * (the case table of the application module, which this module depends on), and a case's open tasks
 * in the engine's runtime tables ({@code ACT_RU_TASK}, {@code ACT_RU_EXECUTION},
 * {@code ACT_RU_IDENTITYLINK}, {@code ACT_ID_MEMBERSHIP}, Camunda's documented schema, no table
 * prefix), found by the case number, the business key of the case and of every process it calls.
 */
@Repository
class SlaBoardQueries {

  private final JdbcClient jdbc;

  SlaBoardQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the board shows: a null or blank value lets everything through. */
  record Filter(String licenceType, String group, String assignee) {

    boolean byLicenceType() {
      return licenceType != null && !licenceType.isBlank();
    }

    boolean byGroup() {
      return group != null && !group.isBlank();
    }

    boolean byAssignee() {
      return assignee != null && !assignee.isBlank();
    }
  }

  /** The counts of the head of the board at this moment. */
  record Counts(int cases, int red, int amber, int breachedClocks, int provisionalClocks,
      int pausedClocks) {}

  /** The cases of one page, in the board's order. */
  List<Long> page(Filter filter, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    params.put("offset", (long) page * size);
    params.put("size", size);
    return jdbc.sql("select s.application_id from case_clock_summary s" + join(filter) + where
            + " order by s.sort_group, s.sort_due, s.application_id offset :offset rows fetch next :size rows only")
        .params(params).query(Long.class).list();
  }

  /**
   * Every case the filter lets through, by the light of its worst clock at {@code now}: red when a clock
   * is breached or a running one is past its due, amber when a running one is past its warning.
   */
  Counts counts(Filter filter, OffsetDateTime now) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    params.put("now", now);
    return jdbc.sql("""
            select count(*) as cases,
                   coalesce(sum(case when s.breached_clocks > 0 or s.next_due < :now then 1 else 0 end), 0) as red,
                   coalesce(sum(case when s.breached_clocks = 0 and (s.next_due is null or s.next_due >= :now)
                       and s.next_warn <= :now then 1 else 0 end), 0) as amber,
                   coalesce(sum(s.breached_clocks), 0) as breached_clocks,
                   coalesce(sum(s.provisional_clocks), 0) as provisional_clocks,
                   coalesce(sum(s.paused_clocks), 0) as paused_clocks
              from case_clock_summary s""" + join(filter) + where)
        .params(params).query(Rows.of(Counts.class)).single();
  }

  private static String join(Filter filter) {
    return filter.byLicenceType() || filter.byGroup() || filter.byAssignee()
        ? " join licence_application a on a.id = s.application_id" : "";
  }

  /** The cases' open tasks: a task counts for its candidate groups, or, with none, for its assignee's groups. */
  private static final String TASKS_OF_THE_CASE = """
       exists (select 1 from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
               where e.BUSINESS_KEY_ = a.case_number and %s)""";

  private static String where(Filter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where s.sort_group < " + BoardOrder.OFF_THE_BOARD);
    if (filter.byLicenceType()) {
      where.append(" and a.licence_type = :licenceType");
      params.put("licenceType", filter.licenceType());
    }
    if (filter.byGroup()) {
      where.append(" and ").append(TASKS_OF_THE_CASE.formatted("""
          (exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = :candidate
                    and l.GROUP_ID_ = :group)
           or (not exists (select 1 from ACT_RU_IDENTITYLINK l where l.TASK_ID_ = t.ID_ and l.TYPE_ = :candidate
                    and l.GROUP_ID_ is not null)
               and exists (select 1 from ACT_ID_MEMBERSHIP m where m.USER_ID_ = t.ASSIGNEE_ and m.GROUP_ID_ = :group)))"""));
      params.put("group", filter.group());
      params.put("candidate", IdentityLinkType.CANDIDATE);
    }
    if (filter.byAssignee()) {
      where.append(" and ").append(TASKS_OF_THE_CASE.formatted("t.ASSIGNEE_ = :assignee"));
      params.put("assignee", filter.assignee());
    }
    return where.toString();
  }

  /** The clocks of the page's cases that are watched, by case, in the order they were started. */
  Map<Long, List<CaseClock>> watchedClocks(Collection<Long> applicationIds) {
    Map<Long, List<CaseClock>> byCase = new LinkedHashMap<>();
    if (applicationIds.isEmpty()) {
      return byCase;
    }
    jdbc.sql("""
            select * from case_clock
            where application_id in (:ids)
              and (state in ('RUNNING', 'PAUSED') or (state = 'BREACHED' and met_at is null))
            order by application_id, id""")
        .param("ids", applicationIds).query(Rows.of(CaseClock.class)).list()
        .forEach(clock -> byCase.computeIfAbsent(clock.applicationId(), id -> new ArrayList<>()).add(clock));
    return byCase;
  }

  /** An open task of a case, with the case number it belongs to. */
  record TaskRow(String id, String caseNumber, String name, String assignee, Date due) {}

  /** The open tasks of the cases with these numbers and of the processes they call, oldest first. */
  List<TaskRow> openTasks(Collection<String> caseNumbers) {
    if (caseNumbers.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select t.ID_ as id, e.BUSINESS_KEY_ as case_number, t.NAME_ as name, t.ASSIGNEE_ as assignee,
                   t.DUE_DATE_ as due
              from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
             where e.BUSINESS_KEY_ in (:caseNumbers)
             order by t.CREATE_TIME_, t.ID_""")
        .param("caseNumbers", caseNumbers).query(Rows.of(TaskRow.class)).list();
  }

  /** The candidate groups of each of these tasks. */
  Map<String, List<String>> candidateGroups(Collection<String> taskIds) {
    return pairs(Map.of("candidate", IdentityLinkType.CANDIDATE), """
        select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK
         where TASK_ID_ in (:ids) and TYPE_ = :candidate and GROUP_ID_ is not null order by GROUP_ID_""", taskIds);
  }

  /** The groups of each of these users. */
  Map<String, List<String>> groupsOf(Collection<String> userIds) {
    return pairs(Map.of(), "select USER_ID_, GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ in (:ids) order by GROUP_ID_",
        userIds);
  }

  private Map<String, List<String>> pairs(Map<String, Object> params, String sql, Collection<String> ids) {
    Map<String, List<String>> byKey = new HashMap<>();
    if (ids.isEmpty()) {
      return byKey;
    }
    jdbc.sql(sql).params(params).param("ids", ids)
        .query((rs, row) -> byKey.computeIfAbsent(rs.getString(1), key -> new ArrayList<>()).add(rs.getString(2)))
        .list();
    return byKey;
  }
}
