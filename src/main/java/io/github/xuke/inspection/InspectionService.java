package io.github.xuke.inspection;

import io.github.xuke.application.Cases;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.calendar.WorkingDayCalendar;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.inspection.internal.InspectionPeople;
import io.github.xuke.inspection.internal.InspectionRepository;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduling and recording on-site inspections: inside the 3-working-day target, on a weekend or
 * after hours only when the enterprise asked (recorded as such), never two inspections at once for
 * a person; a record needs two staff inspectors, everyone's confirmations, the checklist and evidence.
 * Every refusal names the problem in Chinese and changes nothing.
 */
@Service
@Transactional
public class InspectionService {

  /** {@code inspection_evidence.device}. */
  static final int MAX_DEVICE = 60;

  static final LocalTime OFFICE_OPENS = LocalTime.of(8, 30);
  static final LocalTime OFFICE_CLOSES = LocalTime.of(17, 30);
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final InspectionRepository inspections;
  private final Cases applications;
  private final InspectionPeople people;
  private final CaseClocks clocks;
  private final WorkingDays workingDays;
  private final DocumentService documents;
  private final Notices notices;
  private final io.github.xuke.notification.Notifications notifications;
  private final Clock clock;

  public InspectionService(InspectionRepository inspections, Cases applications, InspectionPeople people,
      CaseClocks clocks, WorkingDays workingDays, DocumentService documents, Notices notices,
      io.github.xuke.notification.Notifications notifications, Clock clock) {
    this.notifications = notifications;
    this.notices = notices;
    this.inspections = inspections;
    this.applications = applications;
    this.people = people;
    this.clocks = clocks;
    this.workingDays = workingDays;
    this.documents = documents;
    this.clock = clock;
  }

  /** What the case officer asks for in 安排现场核查. */
  public record ScheduleRequest(String start, Integer hours, List<String> inspectors, List<String> experts,
      boolean afterHours, String afterHoursReason) {}

  public Inspection schedule(long applicationId, ScheduleRequest request, String by) {
    LicenceApplication application = applications.get(applicationId);
    ZonedDateTime start = parseStart(request.start());
    int hours = request.hours() == null ? 3 : request.hours();
    if (hours < 1 || hours > 12) {
      throw invalid(INSPECTION_HOURS.name(), "核查时长应为 1 到 12 小时");
    }
    ZonedDateTime end = start.plusHours(hours);
    if (start.toInstant().isBefore(clock.instant().minus(Duration.ofMinutes(5)))) {
      throw invalid(INSPECTION_START.name(), "核查时间不能早于现在");
    }
    Date due = clocks.find(applicationId, ClockKind.INSPECTION)
        .map(inspection -> Date.from(inspection.dueAt().toInstant())).orElse(null);
    if (due != null && start.toInstant().isAfter(due.toInstant())) {
      throw invalid(INSPECTION_START.name(), "超出现场核查与技术评审时限（" + workingDays.dayOf(due)
          + " 前）；确需延后的，请先申请延长期限");
    }
    boolean workingDay = workingDay(start.toLocalDate());
    boolean officeHours = workingDay && !start.toLocalTime().isBefore(OFFICE_OPENS)
        && !end.toLocalTime().isAfter(OFFICE_CLOSES) && end.toLocalDate().equals(start.toLocalDate());
    String reason = request.afterHoursReason() == null || request.afterHoursReason().isBlank()
        ? null : request.afterHoursReason().strip();
    if (!officeHours && (!request.afterHours() || reason == null)) {
      throw invalid(AFTER_HOURS.name(), (workingDay ? "所选时间在工作时间（8:30–17:30）以外" : "所选日期为非工作日")
          + "：仅在企业申请延时服务或预约服务时可以安排，请勾选并写明企业的申请");
    }
    Set<String> inspectorIds = new LinkedHashSet<>(request.inspectors() == null ? List.of() : request.inspectors());
    if (inspectorIds.size() < 2) {
      throw invalid(INSPECTORS.name(), "现场核查至少需要两名执法人员");
    }
    for (String inspector : inspectorIds) {
      if (!people.isInspector(inspector)) {
        throw invalid(INSPECTORS.name(), "“" + inspector + "”不是执法人员（承办人）");
      }
    }
    Set<String> panel = people.panel(applicationId);
    Set<String> expertIds = new LinkedHashSet<>(request.experts() == null ? List.of() : request.experts());
    for (String expert : expertIds) {
      if (!panel.contains(expert)) {
        throw invalid(INSPECTION_EXPERTS.name(), "“" + expert + "”不在本案评审组中");
      }
    }
    OffsetDateTime from = start.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    OffsetDateTime to = end.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    List<String> everyone = new ArrayList<>(inspectorIds);
    everyone.addAll(expertIds);
    for (String person : everyone) {
      List<Inspection> clash = inspections.overlapping(person, from, to, applicationId);
      if (!clash.isEmpty()) {
        Inspection other = clash.get(0);
        throw invalid(INSPECTORS.name(), people.name(person) + "在该时段已安排" + other.caseNumber() + "的现场核查（"
            + other.startsAt().atZoneSameInstant(workingDays.zone()).format(TIME) + "–"
            + other.endsAt().atZoneSameInstant(workingDays.zone()).toLocalTime() + "），请另选时间或人员");
      }
    }
    long id = inspections.insert(applicationId, from, to, !officeHours, officeHours ? null : reason, by, now());
    for (String inspector : inspectorIds) {
      inspections.insertParticipant(id, inspector, people.name(inspector), Inspection.Role.INSPECTOR);
    }
    for (String expert : expertIds) {
      inspections.insertParticipant(id, expert, people.name(expert), Inspection.Role.EXPERT);
    }
    String when = start.format(TIME) + "–" + end.toLocalTime();
    for (String person : everyone) {
      notifications.toUser("inspection:" + id + ":" + person, person, "现场核查安排：" + application.caseNumber(),
          "现场核查：" + application.enterpriseName() + "（案件 " + application.caseNumber() + "），时间 " + when
              + (officeHours ? "" : "（企业申请的延时/预约服务）") + "。请按时到场，宣读承诺书，发放现场核查监督卡，"
              + "全程记录，不收取任何费用，不接受宴请，不乘坐企业车辆。");
    }
    return inspections.find(id).orElseThrow();
  }

  /** What the inspector records in 现场核查与技术评审. */
  public record RecordRequest(List<Inspection.Participant> participants, List<Inspection.Check> checks,
      String result, String findings) {}

  public Inspection record(long applicationId, RecordRequest request, String by) {
    Inspection inspection = inspections.latestOf(applicationId)
        .filter(found -> found.state() == Inspection.State.SCHEDULED)
        .orElseThrow(() -> invalid(INSPECTION_ID.name(), "本案没有待记录的现场核查安排"));
    Map<String, Inspection.Participant> sent = request.participants().stream()
        .collect(Collectors.toMap(Inspection.Participant::userId, Function.identity(), (a, b) -> b));
    int inspectorsPresent = 0;
    for (Inspection.Participant scheduled : inspection.participants()) {
      Inspection.Participant row = sent.get(scheduled.userId());
      if (row == null) {
        throw invalid(INSPECTION_PARTICIPANTS.name(), "缺少“" + scheduled.name() + "”的现场确认");
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
        throw invalid(INSPECTION_PARTICIPANTS.name(), scheduled.name() + "尚未确认：" + String.join("、", missing));
      }
      Inspection.Meal meal = option(Inspection.Meal.class, row.meal());
      if (meal == null) {
        throw invalid(INSPECTION_PARTICIPANTS.name(), scheduled.name() + "：请确认未接受宴请（未就餐或按标准付费就餐）");
      }
      if (meal == Inspection.Meal.PAID_STANDARD && (row.mealNote() == null || row.mealNote().isBlank())) {
        throw invalid(INSPECTION_PARTICIPANTS.name(), scheduled.name() + "按标准付费就餐，须写明金额和票据");
      }
      if (scheduled.role() == Inspection.Role.INSPECTOR) {
        inspectorsPresent++;
      }
    }
    if (inspectorsPresent < 2) {
      throw invalid(INSPECTION_PARTICIPANTS.name(), "现场核查至少需要两名执法人员在场确认");
    }
    for (Inspection.Check check : request.checks()) {
      Inspection.CheckResult result = option(Inspection.CheckResult.class, check.result());
      if (result == null) {
        throw invalid(INSPECTION_CHECKS.name(), "请填写检查项“" + check.item() + "”的结果");
      }
      if (result == Inspection.CheckResult.NONCONFORM && (check.note() == null || check.note().isBlank())) {
        throw invalid(INSPECTION_CHECKS.name(), "检查项“" + check.item() + "”不符合，须写明情况");
      }
    }
    if (request.result() == null || request.result().isBlank()) {
      throw invalid(INSPECTION_RESULT.name(), "请选择核查结论");
    }
    if (!Values.INSPECTION_PASS.equals(request.result()) && (request.findings() == null || request.findings().isBlank())) {
      throw invalid(INSPECTION_FINDINGS.name(), "需整改或不符合条件的，须写明发现的问题");
    }
    if (inspection.evidence().isEmpty()) {
      throw invalid(INSPECTION_ID.name(), "尚未上传现场影像资料（执法记录仪或手机拍摄）：请先上传到核查编号 "
          + inspection.id() + " 下，再提交核查记录");
    }
    OffsetDateTime now = now();
    for (Inspection.Participant scheduled : inspection.participants()) {
      inspections.confirm(inspection.id(), sent.get(scheduled.userId()), now);
    }
    request.checks().forEach(check -> inspections.insertCheck(inspection.id(), check));
    inspections.record(inspection.id(), request.result(), request.findings() == null ? null : request.findings().strip(),
        by, now);
    if (Values.INSPECTION_RECTIFY.equals(request.result())) {
      LicenceApplication application = applications.get(applicationId);
      notices.issue(applicationId, CaseNotice.NoticeKind.RECTIFICATION, now, by, "现场核查整改通知书\n案件编号："
          + application.caseNumber() + "\n现场核查发现以下问题，请整改：\n" + request.findings().strip()
          + "\n请在企业服务平台本案“整改材料”中上传整改后的照片、说明等材料，或通知承办人现场复查。"
          + "\n整改期间不计入办理时限。");
    }
    return inspections.find(inspection.id()).orElseThrow();
  }

  /** Whether the case waits for the enterprise's rectification (recorded RECTIFY, not yet re-checked). */
  @Transactional(readOnly = true)
  public boolean awaitsRectification(long applicationId) {
    return inspections.latestOf(applicationId).filter(found -> found.state() == Inspection.State.RECORDED)
        .filter(found -> Values.INSPECTION_RECTIFY.equals(found.result()) && found.rectificationResult() == null)
        .isPresent();
  }

  /** 复查整改情况: the enterprise's rectification passed or not. */
  public Inspection recheck(long applicationId, boolean passed, String note, String by) {
    Inspection inspection = inspections.latestOf(applicationId).orElseThrow(() ->
        invalid(RECTIFICATION_RESULT.name(), "本案没有现场核查记录"));
    if (note == null || note.isBlank()) {
      throw invalid(RECTIFICATION_NOTE.name(), "请写明复查情况（整改材料、复查方式）");
    }
    inspections.recheck(inspection.id(), passed ? Values.RECTIFIED : Values.NOT_RECTIFIED, note.strip(), by, now());
    return inspections.find(inspection.id()).orElseThrow();
  }

  /** A photo or video from the inspection, with when it was taken and by which device. */
  public Inspection addEvidence(long inspectionId, String fileName, InputStream content, String capturedAt,
      String device, String by) {
    Inspection inspection = inspections.find(inspectionId).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到现场核查 " + inspectionId));
    OffsetDateTime captured;
    try {
      captured = LocalDateTime.parse(capturedAt.strip()).atZone(workingDays.zone()).toOffsetDateTime();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_EVIDENCE", "capturedAt",
          "请填写拍摄时间，格式如 2026-06-03T09:30");
    }
    if (!WorkingDayCalendar.supports(captured.toLocalDate())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_EVIDENCE", "capturedAt", "拍摄时间应在 "
          + WorkingDayCalendar.FIRST_YEAR + " 年至 " + WorkingDayCalendar.LAST_YEAR + " 年之间");
    }
    String checkedDevice = TextFields.optional(device, "device", "拍摄设备", MAX_DEVICE);
    StoredDocument stored = documents.storeEvidence(inspection.applicationId(), fileName, content, by);
    inspections.insertEvidence(inspectionId, stored.id(), captured.withOffsetSameInstant(ZoneOffset.UTC),
        checkedDevice, by, now());
    return inspections.find(inspectionId).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<Inspection> between(OffsetDateTime from, OffsetDateTime to) {
    return inspections.between(from, to);
  }

  @Transactional(readOnly = true)
  public Inspection get(long id) {
    return inspections.find(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到现场核查 " + id));
  }

  /** The option of a form's select, or null when none (or an unknown one) was chosen. */
  private static <E extends Enum<E>> E option(Class<E> type, String value) {
    try {
      return value == null ? null : Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A day of a year without a loaded holiday notice counts by weekday, as its deadlines do. */
  private boolean workingDay(java.time.LocalDate day) {
    try {
      return workingDays.calendar().isWorkingDay(day);
    } catch (io.github.xuke.core.MissingCalendarYearException e) {
      return day.getDayOfWeek().getValue() <= 5;
    }
  }

  private ZonedDateTime parseStart(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(INSPECTION_START.name(), "请选择核查开始时间");
    }
    try {
      String value = text.strip();
      return (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
          ? OffsetDateTime.parse(value).atZoneSameInstant(workingDays.zone())
          : LocalDateTime.parse(value).atZone(workingDays.zone()));
    } catch (DateTimeParseException e) {
      throw invalid(INSPECTION_START.name(), "核查开始时间格式不正确：" + text);
    }
  }

  private static InvalidApplicationException invalid(String field, String message) {
    return new InvalidApplicationException(field, message);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
