package io.github.xuke.clock;

import io.github.xuke.core.LimitUnit;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tables {@code case_clock} and {@code clock_event}, and {@code case_clock_summary} (the SLA board's
 * order, {@link BoardOrder}): every write of a case's clocks brings its summary row up to date before
 * the transaction commits — once per case and transaction, after all its clock rows are written and
 * locked, so two transactions on one case never wait for each other's summary while holding a clock.
 */
@Repository
public class ClockRepository {

  private final JdbcClient jdbc;

  public ClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The cases whose clocks this transaction changed, summarised before it commits. */
  private void changed(long applicationId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      summarise(applicationId);
      return;
    }
    @SuppressWarnings("unchecked")
    Set<Long> pending = (Set<Long>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      Set<Long> cases = new LinkedHashSet<>();
      TransactionSynchronizationManager.bindResource(PENDING, cases);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          cases.forEach(ClockRepository.this::summarise);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
      });
      pending = cases;
    }
    pending.add(applicationId);
  }

  private static final Object PENDING = new Object() {
    @Override
    public String toString() {
      return "case clocks changed in this transaction";
    }
  };

  /** Brings the case's row of the board's order up to date with its clocks. */
  void summarise(long applicationId) {
    BoardOrder order = BoardOrder.of(applicationId, findByApplication(applicationId));
    Object[] values = {order.sortGroup(), order.sortDue(), order.nextDue(), order.nextWarn(), order.runningClocks(),
        order.breachedClocks(), order.provisionalClocks(), order.pausedClocks(), applicationId};
    int updated = jdbc.sql("""
            update case_clock_summary set sort_group = ?, sort_due = ?, next_due = ?, next_warn = ?,
              running_clocks = ?, breached_clocks = ?, provisional_clocks = ?, paused_clocks = ?
            where application_id = ?""").params(values).update();
    if (updated == 0) {
      jdbc.sql("""
              insert into case_clock_summary (sort_group, sort_due, next_due, next_warn, running_clocks,
                breached_clocks, provisional_clocks, paused_clocks, application_id)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
    }
  }

  public long insert(long applicationId, ClockKind kind, OffsetDateTime startedAt, int limitValue,
      LimitUnit unit, OffsetDateTime dueAt, OffsetDateTime warnAt, boolean provisional) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into case_clock (application_id, kind, started_at, limit_value, limit_unit,
              extension_value, paused_value, due_at, warn_at, provisional, state)
            values (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?)""")
        .params(applicationId, kind.name(), startedAt, limitValue, unit.name(), dueAt, warnAt,
            provisional, ClockState.RUNNING.name())
        .update(key, "id");
    changed(applicationId);
    return key.getKey().longValue();
  }

  public CaseClock get(long id) {
    return jdbc.sql("select * from case_clock where id = ?").param(id).query(Rows.of(CaseClock.class)).single();
  }

  public Optional<CaseClock> find(long applicationId, ClockKind kind) {
    return jdbc.sql("select * from case_clock where application_id = ? and kind = ?")
        .params(applicationId, kind.name()).query(Rows.of(CaseClock.class)).optional();
  }

  /** The clock, its row locked until the transaction ends. */
  public Optional<CaseClock> findForUpdate(long applicationId, ClockKind kind) {
    return jdbc.sql("select * from case_clock where application_id = ? and kind = ? for update")
        .params(applicationId, kind.name()).query(Rows.of(CaseClock.class)).optional();
  }

  public Optional<CaseClock> findByWatch(String processInstanceId) {
    return jdbc.sql("select * from case_clock where process_instance_id = ?")
        .param(processInstanceId).query(Rows.of(CaseClock.class)).optional();
  }

  public List<CaseClock> findByApplication(long applicationId) {
    return jdbc.sql("select * from case_clock where application_id = ? order by id")
        .param(applicationId).query(Rows.of(CaseClock.class)).list();
  }

  public List<CaseClock> findOpen() {
    return jdbc.sql("select * from case_clock where state in ('RUNNING', 'PAUSED') order by due_at")
        .query(Rows.of(CaseClock.class)).list();
  }

  public void update(CaseClock clock) {
    jdbc.sql("""
            update case_clock set started_at = ?, extension_value = ?, paused_value = ?, paused_since = ?, due_at = ?,
              warn_at = ?, provisional = ?, state = ?, warned_at = ?, met_at = ?, breached_at = ?,
              process_instance_id = ?
            where id = ?""")
        .params(clock.startedAt(), clock.extensionValue(), clock.pausedValue(), clock.pausedSince(), clock.dueAt(),
            clock.warnAt(), clock.provisional(), clock.state().name(), clock.warnedAt(), clock.metAt(),
            clock.breachedAt(), clock.processInstanceId(), clock.id())
        .update();
    changed(clock.applicationId());
  }

  public void addEvent(long clockId, OffsetDateTime at, ClockEvent.Type type, String reason, String actor,
      OffsetDateTime dueBefore, OffsetDateTime dueAfter) {
    jdbc.sql("""
            insert into clock_event (clock_id, at, event, reason, actor, due_before, due_after)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(clockId, at, type.name(), reason, actor, dueBefore, dueAfter)
        .update();
  }

  public List<ClockEvent> events(long clockId) {
    return jdbc.sql("select * from clock_event where clock_id = ? order by id")
        .param(clockId).query(Rows.of(ClockEvent.class)).list();
  }
}
