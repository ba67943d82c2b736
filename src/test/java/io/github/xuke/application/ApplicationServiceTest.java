package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.notice.NoticeTexts;
import io.github.xuke.notice.Notices;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.core.NumberSequences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.RequiredMaterial;
import io.github.xuke.system.XukeProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The window's rules on materials, acceptance and decisions, without engine or database. */
class ApplicationServiceTest {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  final LicenceRequirements requirements = mock(LicenceRequirements.class);
  final ApplicationRepository applications = mock(ApplicationRepository.class);
  final MaterialItemRepository materials = mock(MaterialItemRepository.class);
  final Notices notices = mock(Notices.class);
  final WorkingDays workingDays = new WorkingDays(
      WorkingDays.bundledCalendar(new com.fasterxml.jackson.databind.ObjectMapper()), SHANGHAI);
  final MaterialChecks checks = new MaterialChecks(applications, materials, requirements,
      mock(org.springframework.context.ApplicationEventPublisher.class), Clock.fixed(Instant.parse("2026-09-29T02:00:00Z"), SHANGHAI));
  static final XukeProperties PROPERTIES = new XukeProperties(Path.of("data"), SHANGHAI, null, false, 10, null, 1, 3);
  final ApplicationService service = new ApplicationService(mock(ApplicationValidator.class),
      requirements, mock(EnterpriseRepository.class), applications, materials, notices,
      mock(NumberSequences.class), workingDays,
      PROPERTIES,
      mock(org.springframework.context.ApplicationEventPublisher.class), Clock.fixed(Instant.parse("2026-09-29T02:00:00Z"), SHANGHAI),
      checks, new Cases(applications, mock(EnterpriseRepository.class), materials, requirements, PROPERTIES),
      mock(io.github.xuke.system.CurrentUser.class));

  static MaterialItem item(String code, boolean key, MaterialStatus status) {
    return new MaterialItem(code.hashCode(), 7, code, code + "名称", key, status, null, null, "clerk", null, null,
        status == MaterialStatus.DEFECTIVE ? "复印件不清晰" : null);
  }

  static LicenceApplication application() {
    return new LicenceApplication(7, "XK-2026-000007", 1, "某公司", "T", ApplicationStatus.RECEIVED, "pi", OffsetDateTime.now(),
        "clerk", 5, 30, "DAYS", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        "某类许可", 3, null, null, null, null);
  }

  @Test
  void missingKeyMaterialMeansCorrectionAndNonKeyMeansTolerance() {
    when(applications.get(7)).thenReturn(application());
    when(requirements.requiredMaterials("T")).thenReturn(List.of(
        new RequiredMaterial("A", "A名称", false), new RequiredMaterial("K", "K名称", true),
        new RequiredMaterial("B", "B名称", false)));
    when(materials.findByApplication(7)).thenReturn(List.of(), List.of(
        item("A", false, MaterialStatus.SUBMITTED), item("K", true, MaterialStatus.MISSING),
        item("B", false, MaterialStatus.TOLERATED)));

    MaterialChecks.MaterialCheck check = checks.checkMaterials(7, List.of("A"), "clerk");

    verify(materials).insert(eq(7L), eq("A"), eq("A名称"), eq(false), eq(MaterialStatus.SUBMITTED), any(), eq("clerk"));
    verify(materials).insert(eq(7L), eq("K"), eq("K名称"), eq(true), eq(MaterialStatus.MISSING), isNull(), eq("clerk"));
    verify(materials).insert(eq(7L), eq("B"), eq("B名称"), eq(false), eq(MaterialStatus.TOLERATED), isNull(), eq("clerk"));
    assertThat(check.outcome()).isEqualTo(MaterialOutcome.KEY_MISSING);
    assertThat(check.summary()).contains("以下关键材料缺失或不合格", "K名称", "可容缺", "B名称");
    assertThat(check.toleratedOutstanding()).isFalse();
  }

  @Test
  void acceptanceWithToleranceIssuesOneNoticeListingEveryItemAndItsDeadline() {
    when(applications.get(7)).thenReturn(application());
    when(materials.findByApplication(7)).thenReturn(List.of(
        item("A", false, MaterialStatus.SUBMITTED), item("B", false, MaterialStatus.TOLERATED),
        item("C", false, MaterialStatus.TOLERATED)));

    assertThatThrownBy(() -> service.accept(7, false, "clerk"))
        .hasMessageContaining("容缺受理承诺书");
    ApplicationService.Acceptance acceptance = service.accept(7, true, "clerk");

    // accepted 29 September 2026 (Shanghai); 10 working days across the National Day holiday
    assertThat(acceptance.supplyDueAt().toInstant().atZone(SHANGHAI).toLocalDate())
        .isEqualTo(java.time.LocalDate.of(2026, 10, 19));
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, ?>> values = ArgumentCaptor.forClass(Map.class);
    verify(notices).issue(eq(7L), eq(CaseNotice.NoticeKind.ONE_TIME), any(), eq("clerk"), values.capture());
    String oneTime = new NoticeTexts().render(CaseNotice.NoticeKind.ONE_TIME, values.getValue());
    assertThat(oneTime).startsWith("一次性告知书\n某公司：\n")
        .contains("XK-2026-000007", "\n　　· B名称（容缺待补）\n　　· C名称（容缺待补）\n　　请于2026年10月19日前补交上述全部材料")
        .doesNotContain("A名称");
    verify(notices).issue(eq(7L), eq(CaseNotice.NoticeKind.TOLERANCE_PLEDGE), any(), eq("clerk"), values.capture());
    assertThat(new NoticeTexts().render(CaseNotice.NoticeKind.TOLERANCE_PLEDGE, values.getValue()))
        .contains("本企业承诺", "于2026年10月19日前补齐下列材料", "B名称", "法定代表人或授权委托人（签字）")
        .doesNotContain("clerk", "确认");
  }

  @Test
  void acceptanceIsImpossibleWhileAKeyMaterialIsMissing() {
    when(materials.findByApplication(7)).thenReturn(List.of(item("K", true, MaterialStatus.MISSING)));
    assertThatThrownBy(() -> service.accept(7, true, "clerk")).isInstanceOf(IllegalStateException.class);
    verify(applications, never()).markAccepted(anyLong(), any(), anyString(), any());
  }

  @Test
  void theClerksReviewNeedsReasonsAndNeverWaivesAKeyMaterial() {
    when(materials.findByApplication(7)).thenReturn(List.of(item("A", false, MaterialStatus.SUBMITTED),
        item("K", true, MaterialStatus.SUBMITTED)));

    assertThatThrownBy(() -> checks.reviewMaterials(7, List.of(
        new MaterialReview("A", MaterialReview.Result.IN_ORDER, null),
        new MaterialReview("K", MaterialReview.Result.WAIVED, "已在前次许可中提交")), "clerk"))
        .hasMessageContaining("“K名称”是关键材料，不得免交");
    assertThatThrownBy(() -> checks.reviewMaterials(7, List.of(
        new MaterialReview("A", MaterialReview.Result.DEFECTIVE, " ")), "clerk"))
        .hasMessageContaining("“A名称”不合格，须写明原因");
    assertThatThrownBy(() -> checks.reviewMaterials(7, List.of(
        new MaterialReview("X", MaterialReview.Result.IN_ORDER, null)), "clerk"))
        .hasMessageContaining("本案没有材料“X”");
    verify(materials, never()).updateStatus(anyLong(), any(), any(), any());

    checks.reviewMaterials(7, List.of(new MaterialReview("A", MaterialReview.Result.DEFECTIVE, " 未加盖公章 "),
        new MaterialReview("K", MaterialReview.Result.MISSING, null)), "clerk");
    verify(materials).updateStatus("A".hashCode(), MaterialStatus.DEFECTIVE, "未加盖公章", "clerk");
    verify(materials).updateStatus("K".hashCode(), MaterialStatus.MISSING, null, "clerk");
  }

  @Test
  void aDefectiveKeyMaterialBlocksAcceptanceAndADefectiveOtherOneIsTolerated() {
    when(materials.findByApplication(7)).thenReturn(List.of(item("K", true, MaterialStatus.DEFECTIVE),
        item("B", false, MaterialStatus.DEFECTIVE)));
    assertThatThrownBy(() -> checks.checkAcceptanceDecision(7, true, false))
        .hasMessageContaining("不能受理").hasMessageContaining("K名称");
    checks.checkAcceptanceDecision(7, false, true);

    when(materials.findByApplication(7)).thenReturn(List.of(item("K", true, MaterialStatus.SUBMITTED),
        item("B", false, MaterialStatus.DEFECTIVE)));
    assertThat(checks.materialCheck(7).outcome()).isEqualTo(MaterialOutcome.TOLERATED);
    assertThat(checks.materialCheck(7).summary()).contains("B名称（不合格：复印件不清晰）");
    assertThatThrownBy(() -> checks.checkAcceptanceDecision(7, false, true)).hasMessageContaining("无需补正");
  }

  private static long anyLong() {
    return org.mockito.ArgumentMatchers.anyLong();
  }
}
