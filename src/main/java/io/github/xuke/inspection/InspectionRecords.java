package io.github.xuke.inspection;

import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.inspection.internal.InspectionLetters;
import io.github.xuke.inspection.internal.InspectionRepository;
import io.github.xuke.inspection.internal.InspectionWindow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording an inspection (现场核查与技术评审) and the re-check of a rectification (复查整改情况): a
 * record needs two staff inspectors present, everyone's confirmations, the whole checklist, a
 * conclusion and evidence; a conclusion asking for rectification sends the enterprise its notice.
 * Every refusal names the problem in Chinese and changes nothing.
 */
@Service
@Transactional
public class InspectionRecords {

  private final InspectionRepository inspections;
  private final InspectionForms forms;
  private final InspectionLetters letters;
  private final InspectionWindow window;
  private final Clock clock;

  public InspectionRecords(InspectionRepository inspections, InspectionForms forms, InspectionLetters letters,
      InspectionWindow window, Clock clock) {
    this.inspections = inspections;
    this.forms = forms;
    this.letters = letters;
    this.window = window;
    this.clock = clock;
  }

  /** What the inspector sends from 现场核查与技术评审: the two lists as the form has them, the conclusion, the findings. */
  public record RecordRequest(SpinJsonNode participantRows, SpinJsonNode checkRows, String result, String findings) {}

  public Inspection record(long applicationId, RecordRequest request, String by) {
    List<Inspection.Participant> participants = forms.participants(request.participantRows());
    List<Inspection.Check> checks = forms.checks(request.checkRows());
    Inspection inspection = inspections.latestOf(applicationId)
        .filter(found -> found.state() == Inspection.State.SCHEDULED)
        .orElseThrow(() -> invalid(InspectionFields.INSPECTION, "本案没有待记录的现场核查安排"));
    window.requireStarted(inspection, InspectionFields.INSPECTION);
    Map<String, Inspection.Participant> sent = participants.stream()
        .collect(Collectors.toMap(Inspection.Participant::userId, Function.identity(), (a, b) -> b));
    requireConfirmations(inspection, sent);
    for (Inspection.Check check : checks) {
      Inspection.CheckResult result = option(Inspection.CheckResult.class, check.result());
      if (result == null) {
        throw invalid(InspectionFields.CHECKS, "请填写检查项“" + check.item() + "”的结果");
      }
      if (result == Inspection.CheckResult.NONCONFORM && (check.note() == null || check.note().isBlank())) {
        throw invalid(InspectionFields.CHECKS, "检查项“" + check.item() + "”不符合，须写明情况");
      }
    }
    if (request.result() == null || request.result().isBlank()) {
      throw invalid(InspectionFields.RESULT, "请选择核查结论");
    }
    if (!Values.INSPECTION_PASS.equals(request.result()) && (request.findings() == null || request.findings().isBlank())) {
      throw invalid(InspectionFields.FINDINGS, "需整改或不符合条件的，须写明发现的问题");
    }
    if (inspection.evidence().isEmpty()) {
      throw invalid(InspectionFields.INSPECTION, "尚未上传现场影像资料（执法记录仪或手机拍摄）：请先在本任务的「案卷」标签页上传，再提交核查记录");
    }
    for (Inspection.Evidence evidence : inspection.evidence()) {
      window.requireInside(inspection, evidence.capturedAt(), "影像资料“" + evidence.originalName() + "”的拍摄时间",
          InspectionFields.INSPECTION);
    }
    OffsetDateTime now = now();
    for (Inspection.Participant scheduled : inspection.participants()) {
      inspections.confirm(inspection.id(), sent.get(scheduled.userId()), now);
    }
    checks.forEach(check -> inspections.insertCheck(inspection.id(), check));
    String findings = request.findings() == null ? null : request.findings().strip();
    inspections.record(inspection.id(), request.result(), findings, by, now);
    if (Values.INSPECTION_RECTIFY.equals(request.result())) {
      letters.rectificationRequired(applicationId, findings, now, by);
    }
    return inspections.find(inspection.id()).orElseThrow();
  }

  /** The case's inspection result and findings once the rectification was re-checked. */
  public record Rechecked(String result, String findings) {}

  /**
   * 复查整改情况: the enterprise's rectification passed ({@code rectificationResult} {@link Values#RECTIFIED})
   * or not; the case goes on with PASS or FAIL, the re-check added to the findings so far.
   */
  public Rechecked recheck(long applicationId, String rectificationResult, String note, String findingsSoFar,
      String by) {
    boolean passed = Values.RECTIFIED.equals(rectificationResult);
    Inspection inspection = inspections.latestOf(applicationId).orElseThrow(() ->
        invalid(InspectionFields.RECTIFICATION_RESULT, "本案没有现场核查记录"));
    if (note == null || note.isBlank()) {
      throw invalid(InspectionFields.NOTE, "请写明复查情况（整改材料、复查方式）");
    }
    inspections.recheck(inspection.id(), passed ? Values.RECTIFIED : Values.NOT_RECTIFIED, note.strip(), by, now());
    return new Rechecked(passed ? Values.INSPECTION_PASS : Values.INSPECTION_FAIL,
        findingsAfterRecheck(findingsSoFar, passed, note));
  }

  /** The findings so far, then one line on the re-check. */
  static String findingsAfterRecheck(String findingsSoFar, boolean passed, String note) {
    return (findingsSoFar == null ? "" : findingsSoFar.strip() + "\n")
        + "整改复查：" + (passed ? "整改合格。" : "整改不合格。") + note.strip();
  }

  /** Everyone scheduled confirmed everything on site, and at least two staff inspectors were there. */
  private static void requireConfirmations(Inspection inspection, Map<String, Inspection.Participant> sent) {
    int inspectorsPresent = 0;
    for (Inspection.Participant scheduled : inspection.participants()) {
      Inspection.Participant row = sent.get(scheduled.userId());
      if (row == null) {
        throw invalid(InspectionFields.PARTICIPANTS, "缺少“" + scheduled.name() + "”的现场确认");
      }
      List<String> missing = new ArrayList<>();
      if (!Boolean.TRUE.equals(row.pledgeRead())) {
        missing.add("宣读承诺书");
      }
      if (!Boolean.TRUE.equals(row.cardHanded())) {
        missing.add("发放现场核查监督卡");
      }
      if (!Boolean.TRUE.equals(row.noFee())) {
        missing.add("未收取任何费用");
      }
      if (!Boolean.TRUE.equals(row.noRide())) {
        missing.add("未乘坐企业车辆");
      }
      if (!missing.isEmpty()) {
        throw invalid(InspectionFields.PARTICIPANTS, scheduled.name() + "尚未确认：" + String.join("、", missing));
      }
      Inspection.Meal meal = option(Inspection.Meal.class, row.meal());
      if (meal == null) {
        throw invalid(InspectionFields.PARTICIPANTS, scheduled.name() + "：请确认未接受宴请（未就餐或按标准付费就餐）");
      }
      if (meal == Inspection.Meal.PAID_STANDARD && (row.mealNote() == null || row.mealNote().isBlank())) {
        throw invalid(InspectionFields.PARTICIPANTS, scheduled.name() + "按标准付费就餐，须写明金额和票据");
      }
      if (scheduled.role() == Inspection.Role.INSPECTOR) {
        inspectorsPresent++;
      }
    }
    if (inspectorsPresent < 2) {
      throw invalid(InspectionFields.PARTICIPANTS, "现场核查至少需要两名执法人员在场确认");
    }
  }

  /** The option of a form's select, or null when none (or an unknown one) was chosen. */
  private static <E extends Enum<E>> E option(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static InvalidApplicationException invalid(String field, String message) {
    return new InvalidApplicationException(field, message);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
