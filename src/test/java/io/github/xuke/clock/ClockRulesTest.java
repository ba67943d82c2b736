package io.github.xuke.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.system.XukeProperties;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The rules of a clock, without the engine or the database: each move and what it records. */
class ClockRulesTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final ClockRules rules = new ClockRules(new WorkingDays(WorkingDays.bundledCalendar(new ObjectMapper()), SHANGHAI),
      new XukeProperties(Path.of("data"), SHANGHAI, null, false, 10, null, 1, 3));

  /** Started Monday 2 March 2026 09:00 (Shanghai), 5 working days: due at the end of Monday 9 March. */
  CaseClock running() {
    OffsetDateTime started = at("2026-03-02T09:00");
    CaseClock clock = new CaseClock(1, 7, ClockKind.CORRECTION_NOTICE, started, 5, LimitUnit.WORKING_DAYS, 0, 0,
        null, null, null, false, ClockState.RUNNING, null, null, null, "watch");
    return rules.rescheduled(clock);
  }

  static OffsetDateTime at(String shanghai) {
    return java.time.LocalDateTime.parse(shanghai).atZone(SHANGHAI).toOffsetDateTime();
  }

  @Test
  void aClockIsDueAtTheEndOfItsLastWorkingDayAndWarnsOneWorkingDayBefore() {
    CaseClock clock = running();
    assertThat(clock.dueAt()).isEqualTo(at("2026-03-09T23:59:59"));
    assertThat(clock.warnAt()).isEqualTo(at("2026-03-06T23:59:59"));
    assertThat(rules.dueText(clock)).isEqualTo("2026年3月9日 23:59");
  }

  @Test
  void metInTimeOrLateAndNeverTwice() {
    CaseClock clock = running();
    assertThat(rules.meet(clock, at("2026-03-05T10:00"))).hasValueSatisfying(move -> {
      assertThat(move.after().state()).isEqualTo(ClockState.MET);
      assertThat(move.reason()).isEqualTo("按时完成");
    });
    assertThat(rules.meet(clock, at("2026-03-10T10:00"))).as("after the due, before the watch fired")
        .hasValueSatisfying(move -> {
          assertThat(move.reason()).isEqualTo("超期后完成");
          assertThat(move.after().breachedAt()).isEqualTo(clock.dueAt());
        });
    CaseClock met = rules.meet(clock, at("2026-03-05T10:00")).orElseThrow().after();
    assertThat(rules.meet(met, at("2026-03-06T10:00"))).isEmpty();
  }

  @Test
  void aWarningAndABreachAreRecordedOnceWhileTheClockIsOpen() {
    CaseClock clock = running();
    CaseClock warned = rules.warn(clock, at("2026-03-07T00:00")).orElseThrow().after();
    assertThat(rules.warn(warned, at("2026-03-07T00:01"))).isEmpty();
    CaseClock breached = rules.breach(warned, at("2026-03-10T00:00")).orElseThrow().after();
    assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
    assertThat(rules.breach(breached, at("2026-03-10T00:01"))).isEmpty();
    assertThat(rules.deemedAcceptance(breached)).hasValueSatisfying(text ->
        assertThat(text).contains("《行政许可法》第三十二条", "2026-03-02"));
  }

  @Test
  void aPauseMovesTheDueByTheWorkingDaysItLasted() {
    CaseClock paused = rules.pause(running(), at("2026-03-03T10:00"), "企业申请延期").after();
    assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
    ClockRules.Move resumed = rules.resume(paused, at("2026-03-05T10:00"), "企业已提交说明");
    assertThat(resumed.reason()).isEqualTo("恢复计时（暂停 2 个工作日）：企业已提交说明");
    assertThat(rules.rescheduled(resumed.after()).dueAt()).isEqualTo(at("2026-03-11T23:59:59"));
    assertThatThrownBy(() -> rules.pause(running(), at("2026-03-03T10:00"), " "))
        .hasMessage("必须说明理由");
  }

  @Test
  void anExtensionIsOneToSixtyUnitsAndOnlyABreachedClockIsReopened() {
    assertThat(rules.rescheduled(rules.extend(running(), 3, "专家论证").after()).dueAt())
        .isEqualTo(at("2026-03-12T23:59:59"));
    assertThatThrownBy(() -> rules.extend(running(), 61, "太长")).hasMessageContaining("1 到 60");
    assertThatThrownBy(() -> rules.extend(running(), 0, "零")).hasMessageContaining("1 到 60");
    assertThatThrownBy(() -> rules.reopen(running(), 5, "未超期")).isInstanceOf(IllegalStateException.class);
    CaseClock breached = rules.breach(running(), at("2026-03-10T00:00")).orElseThrow().after();
    ClockRules.Move reopened = rules.reopen(breached, 5, "企业正在办理备案");
    assertThat(reopened.after().state()).isEqualTo(ClockState.RUNNING);
    assertThat(reopened.reason()).isEqualTo("逾期后延长 5 个工作日：企业正在办理备案");
  }

  @Test
  void theSupervisorActsWithinOneWorkingDayOfTheDue() {
    CaseClock friday = rules.rescheduled(new CaseClock(2, 7, ClockKind.INSPECTION, at("2026-03-04T09:00"), 2,
        LimitUnit.WORKING_DAYS, 0, 0, null, null, null, false, ClockState.RUNNING, null, null, null, "watch"));
    assertThat(friday.dueAt()).isEqualTo(at("2026-03-06T23:59:59"));
    assertThat(rules.supervisionDue(friday).toInstant()).as("Monday, over the weekend")
        .isEqualTo(at("2026-03-09T23:59:59").toInstant());
  }
}
