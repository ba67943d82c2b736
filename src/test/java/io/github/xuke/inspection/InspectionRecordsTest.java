package io.github.xuke.inspection;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.inspection.internal.InspectionLetters;
import io.github.xuke.inspection.internal.InspectionPeople;
import io.github.xuke.inspection.internal.InspectionRepository;
import io.github.xuke.inspection.internal.InspectionWindow;
import io.github.xuke.calendar.WorkingDays;
import java.time.Duration;
import java.time.ZoneId;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.system.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The re-check's result and findings, and the rows of the on-site lists, without the engine. */
class InspectionRecordsTest {

  final InspectionRepository repository = mock(InspectionRepository.class);
  final LicenceRequirements requirements = mock(LicenceRequirements.class);
  final CurrentUser currentUser = mock(CurrentUser.class);
  final InspectionForms forms = new InspectionForms(mock(InspectionPeople.class), requirements, currentUser, "12350");
  final Clock clock = Clock.fixed(Instant.parse("2026-06-05T02:00:00Z"), ZoneOffset.UTC);
  final InspectionRecords records = new InspectionRecords(repository, forms, mock(InspectionLetters.class),
      new InspectionWindow(new WorkingDays(WorkingDays.bundledCalendar(new com.fasterxml.jackson.databind.ObjectMapper()), ZoneId.of("Asia/Shanghai")), clock,
          Duration.ofMinutes(30), Duration.ofMinutes(5)), clock);

  @BeforeEach
  void setUp() {
    when(currentUser.withoutAuthorization(any())).thenAnswer(call -> call.<Supplier<?>>getArgument(0).get());
  }

  private static Inspection recorded(long id, List<Inspection.Participant> participants) {
    OffsetDateTime at = OffsetDateTime.parse("2026-06-04T01:00:00Z");
    return new Inspection(id, 7L, "XK-2026-000007", "某公司", at, at.plusHours(3), false, null,
        Inspection.State.RECORDED, "officer", Values.INSPECTION_RECTIFY, "缺少防毒面具", "officer", at, null, null,
        participants, List.of(), List.of());
  }

  @Test
  void aRecheckAddsItsLineToTheFindingsAndDecidesPassOrFail() {
    when(repository.latestOf(7L)).thenReturn(Optional.of(recorded(3L, List.of())));

    InspectionRecords.Rechecked passed = records.recheck(7L, Values.RECTIFIED, " 已配备防毒面具 ", " 缺少防毒面具 ", "officer2");
    assertThat(passed).isEqualTo(new InspectionRecords.Rechecked(Values.INSPECTION_PASS,
        "缺少防毒面具\n整改复查：整改合格。已配备防毒面具"));
    verify(repository).recheck(3L, Values.RECTIFIED, "已配备防毒面具", "officer2",
        OffsetDateTime.parse("2026-06-05T02:00:00Z"));

    assertThat(records.recheck(7L, Values.NOT_RECTIFIED, "型号不符", null, "officer2"))
        .isEqualTo(new InspectionRecords.Rechecked(Values.INSPECTION_FAIL, "整改复查：整改不合格。型号不符"));
  }

  @Test
  void aRecheckWithoutANoteIsRefusedAndChangesNothing() {
    when(repository.latestOf(7L)).thenReturn(Optional.of(recorded(3L, List.of())));

    assertThatThrownBy(() -> records.recheck(7L, Values.RECTIFIED, " ", "缺少防毒面具", "officer2"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("请写明复查情况");
    verify(repository, never()).recheck(anyLong(), anyString(), anyString(), anyString(), any());
  }

  @Test
  void theOnSiteListsStartUnconfirmedAndUnansweredAndReadBackAsSent() {
    Inspection inspection = recorded(3L, List.of(new Inspection.Participant("officer", "李承办",
        Inspection.Role.INSPECTOR, null, null, null, null, null, null, null)));
    when(requirements.inspectionChecklist("HAZCHEM_SAFE_USE"))
        .thenReturn(List.of(new LicenceRequirements.CheckItem("SITE_DISTANCE", "安全距离")));

    SpinJsonNode participants = forms.participantRows(inspection);
    assertThat(participants.elements()).singleElement().satisfies(row -> {
      assertThat(row.prop("role").stringValue()).isEqualTo("执法人员");
      assertThat(row.prop("pledgeRead").boolValue()).isFalse();
    });
    SpinJsonNode checks = forms.checkRows("HAZCHEM_SAFE_USE");
    assertThat(checks.elements()).singleElement().satisfies(row ->
        assertThat(row.prop("item").stringValue()).isEqualTo("安全距离"));

    participants.elements().get(0).prop("pledgeRead", true).prop("meal", "NONE");
    assertThat(forms.participants(participants)).singleElement().satisfies(participant -> {
      assertThat(participant.pledgeRead()).isTrue();
      assertThat(participant.meal()).isEqualTo("NONE");
      assertThat(participant.role()).as("the schedule's, not the form's").isNull();
    });
    assertThat(forms.checks(checks)).containsExactly(new Inspection.Check("SITE_DISTANCE", "安全距离", null, null));
    assertThatThrownBy(() -> forms.checks(Spin.JSON("{\"not\":\"a list\"}")))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("表格内容格式不正确")
        .satisfies(e -> assertThat(((InvalidApplicationException) e).field()).isEqualTo(INSPECTION_CHECKS.name()));
  }
}
