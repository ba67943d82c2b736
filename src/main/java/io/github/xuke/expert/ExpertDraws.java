package io.github.xuke.expert;

import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.application.Cases;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.core.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expert panel of a case: drawn at acceptance by {@link PanelDraw}, every draw recorded with its
 * inputs so that anyone can run it again ({@link #verify}); declines and unanswered invitations
 * replaced by new recorded draws; each expert's pre-review kept with the assignment.
 */
@Service("expertDraws")
@Transactional
public class ExpertDraws {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ExpertDraws.class);

  public static final String PANEL = "PANEL";
  public static final String REPLACEMENT = "REPLACEMENT";

  private final ExpertRepository experts;
  private final AgencyRepository agencies;
  private final DrawRepository draws;
  private final Cases applications;
  private final LicenceRequirements requirements;
  private final WorkingDays workingDays;
  private final ObjectMapper mapper;
  private final io.github.xuke.notification.Notifications notifications;
  private final Clock clock;
  private final int answerWorkingDays;
  private final SecureRandom seeds = new SecureRandom();

  public ExpertDraws(ExpertRepository experts, AgencyRepository agencies, DrawRepository draws, Cases applications, LicenceRequirements requirements, WorkingDays workingDays,
      ObjectMapper mapper, io.github.xuke.notification.Notifications notifications, Clock clock,
      @Value("${xuke.expert-answer-working-days:1}") int answerWorkingDays) {
    this.notifications = notifications;
    this.experts = experts;
    this.agencies = agencies;
    this.draws = draws;
    this.applications = applications;
    this.requirements = requirements;
    this.workingDays = workingDays;
    this.mapper = mapper;
    this.clock = clock;
    this.answerWorkingDays = answerWorkingDays;
  }

  /** Everything a draw used and produced: enough to run it again. */
  public record DrawRecord(String purpose, int seats, List<Specialty> requiredSpecialties,
      String enterpriseCreditCode, String evaluatorCreditCode, Map<Long, String> excluded,
      List<PanelDraw.Candidate> pool, PanelDraw.Result result, List<PanelDraw.AgencyCandidate> agencyPool,
      PanelDraw.AgencyResult agencyResult) {}

  /** A draw as supervisors read it. */
  public record DrawView(long id, String purpose, long seed, OffsetDateTime drawnAt, String drawnBy, DrawRecord record) {}

  /**
   * The panel's first draw; returns the user ids of the experts drawn. An empty pool does not stop
   * the case: the shortfall is recorded, nobody is invited, and the consolidated opinion tells the
   * officer to organise the technical review.
   */
  public List<String> drawPanel(long applicationId, String by) {
    LicenceApplication application = applications.get(applicationId);
    LicenceRequirements.PanelRule rule = requirements.panelRule(application.licenceType())
        .orElseThrow(() -> new IllegalStateException("no expert panel rule for " + application.licenceType()));
    List<Specialty> specialties = rule.requiredSpecialties().stream().map(code -> Specialty.parse(code)
        .orElseThrow(() -> new IllegalStateException("unknown specialty " + code + " in " + LicenceRequirements.EXPERT_PANEL_DECISION)))
        .toList();
    List<PanelDraw.Pick> picks = draw(application, PANEL, rule.panelSize(), specialties, Map.of(),
        rule.technicalAgency(), by);
    if (picks.isEmpty()) {
      log.warn("No expert could be drawn for case {}: the expert pool has nobody eligible", application.caseNumber());
    }
    return picks.stream().map(PanelDraw.Pick::userId).toList();
  }

  /**
   * An expert declined (with the reason) or did not answer in time: a new draw for the same
   * specialty, excluding everyone already invited to this case. Returns the new expert's user id, or
   * null when nobody is left (recorded as a shortfall).
   */
  public String replace(long applicationId, String userId, Assignment.State why, String reason, String by) {
    Assignment assignment = current(applicationId, userId);
    draws.answer(assignment.id(), why, why == Assignment.State.TIMED_OUT
        ? "超过 " + answerWorkingDays + " 个工作日未答复" : reason, now());
    Map<Long, String> excluded = new LinkedHashMap<>();
    for (Assignment invited : draws.assignments(applicationId)) {
      excluded.put(invited.expertId(), switch (invited.state()) {
        case DECLINED -> "已谢绝本案评审";
        case TIMED_OUT -> "本案邀请超时未答复";
        default -> "已在本案评审组";
      });
    }
    List<Specialty> specialty = assignment.forSpecialty() == null ? List.of() : List.of(assignment.forSpecialty());
    List<PanelDraw.Pick> picks = draw(applications.get(applicationId), REPLACEMENT, 1, specialty, excluded, false, by);
    return picks.isEmpty() ? null : picks.get(0).userId();
  }

  public void participate(long applicationId, String userId) {
    draws.answer(current(applicationId, userId).id(), Assignment.State.PARTICIPATING, null, now());
  }

  public void remind(long applicationId, String userId) {
    Assignment assignment = current(applicationId, userId);
    draws.reminded(assignment.id(), now());
    LicenceApplication application = applications.get(applicationId);
    notifications.toUser("expert-reminder:" + assignment.id(), userId, "预审即将到期：" + application.caseNumber(),
        "请尽快在任务列表中完成案件 " + application.caseNumber() + "（" + application.enterpriseName()
            + "）的专家预审技术材料。");
  }

  public void recordReview(long applicationId, String userId, String conclusion, String findings) {
    draws.reviewed(current(applicationId, userId).id(), conclusion, findings, now());
  }

  /** The panel's opinions for the case officer: the strictest conclusion and every expert's words. */
  public record Consolidated(String opinion, String comments, int reviewers) {}

  public Consolidated consolidate(long applicationId) {
    List<Assignment> reviewed = draws.assignments(applicationId).stream()
        .filter(a -> a.state() == Assignment.State.REVIEWED).toList();
    if (reviewed.isEmpty()) {
      return new Consolidated(ExpertReviewProcess.Conclusion.REVISE.name(),
          "没有专家提交预审意见（专家库中无合格的替补专家），请承办人组织技术审查。", 0);
    }
    ExpertReviewProcess.Conclusion strictest = ExpertReviewProcess.Conclusion.PASS;
    StringBuilder comments = new StringBuilder();
    for (Assignment assignment : reviewed) {
      ExpertReviewProcess.Conclusion conclusion = ExpertReviewProcess.Conclusion.valueOf(assignment.conclusion());
      if (conclusion.ordinal() > strictest.ordinal()) {
        strictest = conclusion;
      }
      String name = experts.findById(assignment.expertId()).map(Expert::name).orElse("专家");
      comments.append(name)
          .append(assignment.forSpecialty() == null ? "" : "（" + assignment.forSpecialty().displayName() + "）")
          .append("：").append(conclusion.displayName()).append("。")
          .append(assignment.findings() == null ? "" : assignment.findings().strip()).append("\n");
    }
    agencyOf(applicationId).ifPresent(agency -> comments.append("技术支撑机构：").append(agency.name())
        .append("（").append(agency.qualification()).append("），由承办人组织出具技术审查意见。"));
    return new Consolidated(strictest.name(), comments.toString().strip(), reviewed.size());
  }

  /** When an invitation must be answered: {@code xuke.expert-answer-working-days} after now. */
  public Date answerDue() {
    return workingDays.deadline(Date.from(now().toInstant()), answerWorkingDays);
  }

  public List<DrawRepository.Opinion> opinionsOf(String userId, int page, int size) {
    return draws.opinionsOf(userId, page, size);
  }

  public List<Assignment> panel(long applicationId) {
    return draws.assignments(applicationId);
  }

  /** The user ids of the case's panel: the experts invited or taking part (not those who declined or timed out), in order. */
  public List<String> panelUsers(long applicationId) {
    return draws.assignments(applicationId).stream()
        .filter(assignment -> assignment.state() != Assignment.State.DECLINED
            && assignment.state() != Assignment.State.TIMED_OUT)
        .map(assignment -> experts.findById(assignment.expertId()).map(Expert::userId).orElse(null))
        .filter(java.util.Objects::nonNull).distinct().toList();
  }

  public List<DrawView> drawsOf(long applicationId) {
    if (applications.find(applicationId).isEmpty()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到申请 " + applicationId);
    }
    return draws.draws(applicationId).stream().map(this::view).toList();
  }

  /** A recorded draw, as supervisors read it. */
  @Transactional(readOnly = true)
  java.util.Optional<DrawView> draw(long drawId) {
    return draws.draw(drawId).map(this::view);
  }

  private List<PanelDraw.Pick> draw(LicenceApplication application, String purpose, int seats,
      List<Specialty> specialties, Map<Long, String> excluded, boolean withAgency, String by) {
    String enterprise = applications.enterprise(application.enterpriseId()).orElseThrow().creditCode();
    OffsetDateTime now = now();
    Map<Long, PanelDraw.Load> lastYear = draws.loadsSince(now.minusMonths(12), application.id(), enterprise);
    List<PanelDraw.Candidate> pool = new ArrayList<>();
    for (Expert expert : experts.findAll()) {
      PanelDraw.Load load = lastYear.getOrDefault(expert.id(), PanelDraw.Load.NONE);
      pool.add(PanelDraw.Candidate.of(expert, load.panels(), load.servedEnterprise()));
    }
    long seed = seeds.nextLong();
    PanelDraw.Request request = new PanelDraw.Request(seed, seats, specialties, enterprise,
        application.evaluatorCreditCode(), excluded);
    PanelDraw.Result result = PanelDraw.draw(pool, request);
    List<PanelDraw.AgencyCandidate> agencyPool = withAgency ? agencyPool(application, enterprise, now) : null;
    PanelDraw.AgencyResult agencyResult = withAgency ? PanelDraw.drawAgency(agencyPool, request) : null;
    DrawRecord record = new DrawRecord(purpose, seats, specialties, enterprise, application.evaluatorCreditCode(),
        excluded, pool, result, agencyPool, agencyResult);
    long drawId = draws.insertDraw(application.id(), purpose, seed, now, by, json(record));
    String answerBy = workingDays.dayOf(answerDue()).toString();
    for (PanelDraw.Pick pick : result.picks()) {
      draws.insertAssignment(application.id(), pick.expertId(), drawId, enterprise, pick.forSpecialty(), now);
      notifications.toUser("expert-invitation:" + drawId + ":" + pick.userId(), pick.userId(),
          "评审邀请：" + application.caseNumber(),
          pick.name() + "专家：您被随机抽取为" + application.enterpriseName() + "许可申请（案件 "
              + application.caseNumber() + "）的评审专家" + (pick.forSpecialty() == null ? ""
              : "（" + pick.forSpecialty().displayName() + "）") + "。请于 " + answerBy
              + " 前登录任务列表（我的任务 → 确认是否参加评审）确认；与申请企业或其安全评价机构有利害关系的，请申报回避。"
              + "逾期未确认的，将重新抽取。");
    }
    if (agencyResult != null && agencyResult.agencyId() != null) {
      agencies.assign(application.id(), agencyResult.agencyId(), drawId, enterprise, now);
    }
    return result.picks();
  }

  private List<PanelDraw.AgencyCandidate> agencyPool(LicenceApplication application, String enterprise,
      OffsetDateTime now) {
    Map<Long, PanelDraw.Load> lastYear = agencies.loadsSince(now.minusMonths(12), application.id(), enterprise);
    return agencies.findAll().stream().map(agency -> {
      PanelDraw.Load load = lastYear.getOrDefault(agency.id(), PanelDraw.Load.NONE);
      return PanelDraw.AgencyCandidate.of(agency, load.panels(), load.servedEnterprise());
    }).toList();
  }

  /** The agency drawn to support a case's technical review, if its licence type has one. */
  public java.util.Optional<TechnicalAgency> agencyOf(long applicationId) {
    return agencies.assignments(applicationId).stream().reduce((first, second) -> second)
        .flatMap(assignment -> agencies.findById(assignment.agencyId()));
  }

  private Assignment current(long applicationId, String userId) {
    Expert expert = experts.findByUserId(userId).orElseThrow(() ->
        new IllegalStateException(userId + " is not in the expert pool"));
    return draws.assignments(applicationId).stream()
        .filter(a -> a.expertId() == expert.id())
        .filter(a -> a.state() == Assignment.State.INVITED || a.state() == Assignment.State.PARTICIPATING)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException(userId + " has no open invitation in case " + applicationId));
  }

  private DrawView view(DrawRepository.DrawRow row) {
    try {
      return new DrawView(row.id(), row.purpose(), row.seed(), row.drawnAt(), row.drawnBy(),
          mapper.readValue(row.record(), DrawRecord.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable draw record " + row.id(), e);
    }
  }

  private String json(DrawRecord record) {
    try {
      return mapper.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
