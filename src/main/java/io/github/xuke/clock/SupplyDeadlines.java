package io.github.xuke.clock;

import io.github.xuke.application.Cases;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import io.github.xuke.system.CurrentUser;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supply deadline of tolerated items (容缺材料补交期限): the enterprise is reminded once before it,
 * and when it passes the chief representative extends it or withdraws the case (退办).
 */
@Service
@Transactional
public class SupplyDeadlines {

  /** The longest extension of a breached supply deadline, in working days. */
  static final int MAX_EXTENSION_DAYS = 60;

  private final CaseClocks clocks;
  private final ClockWatch watch;
  private final Cases cases;
  private final Notices notices;
  private final CurrentUser currentUser;
  private final Clock clock;

  SupplyDeadlines(CaseClocks clocks, ClockWatch watch, Cases cases, Notices notices, CurrentUser currentUser,
      Clock clock) {
    this.clocks = clocks;
    this.watch = watch;
    this.cases = cases;
    this.notices = notices;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** What the chief representative decides on overdue tolerated items. */
  public enum Decision {
    /** 延长补交期限. */
    EXTEND,
    /** 退办. */
    WITHDRAW;

    /** The decision a form's value names, or null for none or another value. */
    public static Decision of(String value) {
      for (Decision decision : values()) {
        if (decision.name().equals(value)) {
          return decision;
        }
      }
      return null;
    }
  }

  /**
   * The chief representative's decision on overdue tolerated items is complete: extend the supply
   * deadline ({@code days} working days) or withdraw the case (退办), always with a reason. Refused in
   * Chinese, naming the field, before the diagram takes either path.
   */
  public void checkDecision(Decision decision, Integer days, String reason) {
    if (decision == null) {
      throw new InvalidApplicationException(ClockFields.DECISION,
          "请选择处理方式：延长补交期限或退办");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(ClockFields.REASON, "请说明处理理由");
    }
    if (decision == Decision.EXTEND && (days == null || days < 1 || days > MAX_EXTENSION_DAYS)) {
      throw new InvalidApplicationException(ClockFields.DAYS,
          "延长天数应在 1 到 " + MAX_EXTENSION_DAYS + " 之间");
    }
  }

  /** The breached supply deadline runs again with {@code days} more working days (the breach stays recorded). */
  public void extend(long clockId, int days, String reason) {
    clocks.reopen(clockId, days, reason);
  }

  /** The case is withdrawn (退办) for its overdue tolerated items: recorded on the clock, told to the case. */
  public void withdraw(long clockId, String reason) {
    CaseClock found = clocks.ofCaseClock(clockId);
    clocks.recordCancellation(clockId, "决定退办：" + reason.strip());
    watch.withdrawCase(found.applicationId(), reason.strip());
  }

  /** Before the supply deadline the enterprise is reminded, once, of every item still missing. */
  @EventListener
  void on(CaseClocks.Warned warned) {
    if (warned.clock().kind() != ClockKind.TOLERATED_SUPPLY) {
      return;
    }
    long applicationId = warned.clock().applicationId();
    List<Map<String, Object>> missing = cases.materials(applicationId).stream()
        .filter(item -> item.status() == MaterialStatus.TOLERATED || item.status() == MaterialStatus.DEFECTIVE)
        .<Map<String, Object>>map(item -> Map.of("name", item.materialName(), "state", item.stateText()))
        .toList();
    notices.issue(applicationId, CaseNotice.NoticeKind.SUPPLY_REMINDER, clock.instant().atOffset(ZoneOffset.UTC),
        currentUser.id(), reminder(cases.noticeValues(applicationId), warned.dueText(), missing));
  }

  private static Map<String, Object> reminder(Map<String, Object> values, String supplyDue,
      List<Map<String, Object>> missing) {
    values.put("supplyDue", supplyDue);
    values.put("items", missing);
    return values;
  }
}
