package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.notice.Notices;
import io.github.xuke.core.NumberSequences;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The window's work on a case, from 收件 to 办结: every step that changes the application, its
 * materials and its notices. Called by the process delegates (in the engine's transaction) and
 * testable without the engine.
 */
@Service
@Transactional
public class ApplicationService {

  static final String CASE_NUMBER_SEQUENCE = "case";

  private final ApplicationValidator validator;
  private final LicenceRequirements requirements;
  private final EnterpriseRepository enterprises;
  private final ApplicationRepository applications;
  private final MaterialItemRepository materials;
  private final Notices notices;
  private final NumberSequences sequences;
  private final WorkingDays workingDays;
  private final XukeProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final MaterialChecks materialChecks;
  private final Cases cases;
  private final CurrentUser currentUser;

  public ApplicationService(ApplicationValidator validator, LicenceRequirements requirements,
      EnterpriseRepository enterprises, ApplicationRepository applications,
      MaterialItemRepository materials, Notices notices, NumberSequences sequences,
      WorkingDays workingDays, XukeProperties properties, ApplicationEventPublisher events,
      Clock clock, MaterialChecks materialChecks, Cases cases, CurrentUser currentUser) {
    this.cases = cases;
    this.currentUser = currentUser;
    this.validator = validator;
    this.requirements = requirements;
    this.enterprises = enterprises;
    this.applications = applications;
    this.materials = materials;
    this.notices = notices;
    this.sequences = sequences;
    this.workingDays = workingDays;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
    this.materialChecks = materialChecks;
  }

  /**
   * A received application: its id, its case number (the business key), its type's limits, and the
   * form as it was taken (trimmed and checked), which the case's variables then show.
   */
  public record Registration(long applicationId, String caseNumber, String licenceTypeName,
      Date receivedAt, int committedLimitDays, ApplicationForm form) {}

  /** 收件: validates the application and registers the enterprise and the case. */
  public Registration receive(ApplicationForm form, String processInstanceId, String receivedBy) {
    ApplicationValidator.Valid valid = validator.validate(form);
    ApplicationForm application = valid.form();
    LicenceTypeRule type = valid.licenceType();
    OffsetDateTime now = now();
    long enterpriseId = enterprises.save(application.creditCode(), application.enterpriseName(),
        application.contactName(), application.contactPhone(), application.district(), now);
    int year = now.atZoneSameInstant(workingDays.zone()).getYear();
    String caseNumber = "XK-%d-%06d".formatted(year, sequences.next(CASE_NUMBER_SEQUENCE, year));
    long id = applications.insert(caseNumber, enterpriseId, application.enterpriseName(), type.code(),
        processInstanceId, now,
        receivedBy, type.committedLimitWorkingDays(), type.statutoryLimitValue(),
        type.statutoryLimitUnit().name(), application.evaluatorName(), application.evaluatorCreditCode(),
        type.name(), type.validityYears(), application.registeredAddress(), application.principalName(),
        application.businessMode(), application.licenceScope());
    events.publishEvent(new CaseEvents.Received(id, now.toInstant()));
    return new Registration(id, caseNumber, type.name(), Date.from(now.toInstant()),
        type.committedLimitWorkingDays(), application);
  }


  /** 出具补正通知书: one notice listing every missing and defective material at once. */
  public void issueCorrectionNotice(long applicationId, String remark, String by) {
    MaterialChecks.MaterialCheck check = materialChecks.materialCheck(applicationId);
    if (check.outcome() != MaterialOutcome.KEY_MISSING) {
      throw new IllegalStateException("case " + applicationId + " lacks no key material");
    }
    Map<String, Object> values = cases.noticeValues(applicationId);
    values.put("items", noticeItems(check.outstanding()));
    values.put("remark", remark == null || remark.isBlank() ? null : remark.strip());
    OffsetDateTime now = now();
    notices.issue(applicationId, NoticeKind.CORRECTION, now, by, values);
    applications.markCorrectionNotified(applicationId, now);
  }

  /** 不予受理: the reason is required and goes into the decision notice. */
  public void refuseAcceptance(long applicationId, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(CaseFields.REASON, "不予受理必须说明理由");
    }
    Map<String, Object> values = appealable(cases.noticeValues(applicationId));
    values.put("reason", reason.strip());
    notices.issue(applicationId, NoticeKind.NON_ACCEPTANCE, now(), by, values);
    applications.markNotAccepted(applicationId, reason.strip());
    events.publishEvent(new CaseEvents.Closed(applicationId, "不予受理"));
  }

  /** An accepted case: the acceptance time that starts the clocks, and the supply deadline if any. */
  public record Acceptance(Date acceptedAt, Date supplyDueAt, List<MaterialItem> tolerated) {}

  /**
   * 受理: records the acceptance time; with tolerated items, issues the one-time notice (一次性告知书)
   * listing all of them and the date by which to supply them.
   */
  public Acceptance accept(long applicationId, boolean tolerancePledged, String by) {
    MaterialChecks.MaterialCheck check = materialChecks.materialCheck(applicationId);
    if (check.outcome() == MaterialOutcome.KEY_MISSING) {
      throw new IllegalStateException("case " + applicationId + " lacks key materials");
    }
    if (!check.outstanding().isEmpty() && !tolerancePledged) {
      throw new InvalidApplicationException(CaseFields.TOLERANCE_PLEDGED, "容缺受理须由申请人签署《容缺受理承诺书》");
    }
    LicenceApplication application = applications.get(applicationId);
    OffsetDateTime now = now();
    Date acceptedAt = Date.from(now.toInstant());
    Date supplyDueAt = check.outstanding().isEmpty() ? null
        : workingDays.deadline(acceptedAt, properties.toleranceSupplyWorkingDays());
    applications.markAccepted(applicationId, now, by,
        supplyDueAt == null ? null : supplyDueAt.toInstant().atOffset(ZoneOffset.UTC));
    Map<String, Object> accepted = cases.noticeValues(applicationId);
    accepted.put("acceptedOn", now.atZoneSameInstant(workingDays.zone()).toLocalDate());
    accepted.put("committedDays", application.committedLimitDays());
    accepted.put("statutoryLimit", application.statutoryLimitValue() == null ? null
        : application.statutoryLimitValue() + (LimitUnit.WORKING_DAYS.name().equals(application.statutoryLimitUnit())
            ? " 个工作日" : " 日"));
    notices.issue(applicationId, NoticeKind.ACCEPTANCE, now, by, accepted);
    if (supplyDueAt != null) {
      Map<String, Object> values = new HashMap<>(accepted);
      values.put("supplyDue", supplyDueAt.toInstant().atZone(workingDays.zone()).toLocalDate());
      values.put("items", noticeItems(check.outstanding()));
      notices.issue(applicationId, NoticeKind.ONE_TIME, now, by, values);
      notices.issue(applicationId, NoticeKind.TOLERANCE_PLEDGE, now, by, values);
    }
    events.publishEvent(new CaseEvents.Accepted(applicationId, now.toInstant(),
        application.committedLimitDays(), application.statutoryLimitValue(),
        LimitUnit.valueOf(application.statutoryLimitUnit()),
        supplyDueAt == null ? null : properties.toleranceSupplyWorkingDays()));
    return new Acceptance(acceptedAt, supplyDueAt, check.outstanding());
  }


  /**
   * 首席代表审批: the moment of approval or refusal is the bureau's decision time. A refusal needs a
   * reason, which goes into the refusal notice.
   */
  /** A recorded decision: when it was taken, and by when the deputy director signs it (one working day). */
  public record Decision(Date decidedAt, Date signatureDue) {}

  public Decision recordDecision(long applicationId, boolean approved, String reason, String by) {
    if (!approved && (reason == null || reason.isBlank())) {
      throw new InvalidApplicationException(CaseFields.REASON, "不予许可必须说明理由");
    }
    LicenceApplication application = applications.get(applicationId);
    OffsetDateTime now = now();
    String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
    applications.recordDecision(applicationId,
        approved ? ApplicationStatus.APPROVED : ApplicationStatus.REFUSED,
        approved ? "APPROVE" : "REFUSE", cleanReason, now, by);
    if (!approved) {
      // the approval's decision names the licence: Licensing issues it with the licence, in this transaction
      Map<String, Object> values = appealable(cases.noticeValues(applicationId));
      values.put("reason", cleanReason);
      values.put("decidedBy", currentUser.name(by));
      values.put("decidedOn", now.atZoneSameInstant(workingDays.zone()).toLocalDate());
      notices.issue(applicationId, NoticeKind.REFUSAL, now, by, values);
    }
    events.publishEvent(new CaseEvents.Decided(applicationId, now.toInstant(), approved));
    if (!approved) {
      events.publishEvent(new CaseEvents.Closed(applicationId, "不予许可"));
    }
    Date decidedAt = Date.from(now.toInstant());
    return new Decision(decidedAt, workingDays.deadline(decidedAt, 1));
  }

  /** 退办: the case ends without a decision on the merits, with a notice giving the reason. */
  public void withdraw(long applicationId, String reason, String by) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(CaseFields.REASON, "退办必须说明理由");
    }
    Map<String, Object> values = cases.noticeValues(applicationId);
    values.put("reason", reason.strip());
    notices.issue(applicationId, NoticeKind.WITHDRAWAL, now(), by, values);
    applications.updateStatus(applicationId, ApplicationStatus.WITHDRAWN);
    events.publishEvent(new CaseEvents.Closed(applicationId, "退办"));
  }

  /** 办结: the licence has been handed over or posted (free); a courier needs its tracking number. */
  public void complete(long applicationId, DeliveryMethod method, String trackingNumber) {
    if (method == DeliveryMethod.COURIER && (trackingNumber == null || trackingNumber.isBlank())) {
      throw new InvalidApplicationException(CaseFields.TRACKING_NUMBER, "邮寄送达必须填写快递单号");
    }
    applications.markCompleted(applicationId, method.name(),
        method == DeliveryMethod.COURIER ? trackingNumber.strip() : null, now());
  }

  /** A decision's values with where the enterprise may appeal it (行政复议机关, 人民法院). */
  private Map<String, Object> appealable(Map<String, Object> values) {
    values.put("reviewAuthority", properties.licence().reviewAuthority());
    values.put("court", properties.licence().court());
    return values;
  }

  /** The materials a notice lists: name, state as the applicant reads it, key or not. */
  static List<Map<String, Object>> noticeItems(List<MaterialItem> items) {
    return items.stream().<Map<String, Object>>map(item -> Map.of("name", item.materialName(),
        "state", item.stateText(), "key", item.keyMaterial())).toList();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
