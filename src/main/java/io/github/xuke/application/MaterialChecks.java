package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.RequiredMaterial;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials of a case against its licence type's list: what was handed in (收件, 补正), the
 * clerk's finding on each (材料审查), and where the case stands — complete, acceptable with tolerance
 * (容缺), or missing key materials — with the text the clerk and the applicant read.
 */
@Service
@Transactional
public class MaterialChecks {

  private final ApplicationRepository applications;
  private final MaterialItemRepository materials;
  private final LicenceRequirements requirements;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public MaterialChecks(ApplicationRepository applications, MaterialItemRepository materials,
      LicenceRequirements requirements, ApplicationEventPublisher events, Clock clock) {
    this.applications = applications;
    this.materials = materials;
    this.requirements = requirements;
    this.events = events;
    this.clock = clock;
  }

  /** The result of a material check, with the text the clerk and the applicant read. */
  public record MaterialCheck(MaterialOutcome outcome, String summary, List<MaterialItem> outstanding) {

    public boolean toleratedOutstanding() {
      return !outstanding.isEmpty() && outcome != MaterialOutcome.KEY_MISSING;
    }
  }

  /**
   * 核对申请材料: compares what has been handed in so far (now and before) with the licence type's
   * list. Missing key materials mean correction; missing non-key materials are tolerated.
   */
  public MaterialCheck checkMaterials(long applicationId, Collection<String> handedIn, String by) {
    LicenceApplication application = applications.get(applicationId);
    Set<String> submitted = new HashSet<>(handedIn);
    Map<String, MaterialItem> existing = materials.findByApplication(applicationId).stream()
        .collect(Collectors.toMap(MaterialItem::materialCode, Function.identity()));
    OffsetDateTime now = now();
    for (RequiredMaterial required : requirements.requiredMaterials(application.licenceType())) {
      MaterialItem item = existing.get(required.code());
      boolean present = submitted.contains(required.code());
      if (item == null) {
        materials.insert(applicationId, required.code(), required.name(), required.key(),
            MaterialRules.statusOf(required, present), present ? now : null, by);
      } else if (present && item.status() != MaterialStatus.SUBMITTED
          && item.status() != MaterialStatus.SUPPLIED) {
        materials.markSubmitted(item.id(), now, by);
      }
    }
    if (application.status() == ApplicationStatus.CORRECTION_REQUESTED) {
      applications.updateStatus(applicationId, ApplicationStatus.RECEIVED);
      events.publishEvent(new CaseEvents.Resubmitted(applicationId, now.toInstant()));
    }
    return materialCheck(applicationId);
  }

  /** The current material situation of a case, without changing anything. */
  public MaterialCheck materialCheck(long applicationId) {
    List<MaterialItem> items = materials.findByApplication(applicationId);
    List<MaterialItem> blocking = items.stream().filter(MaterialItem::blocksAcceptance).toList();
    List<MaterialItem> tolerated = items.stream()
        .filter(item -> item.status().outstanding() && !item.blocksAcceptance()).toList();
    MaterialOutcome outcome = MaterialRules.outcome(items);
    StringBuilder summary = new StringBuilder();
    summary.append(switch (outcome) {
      case COMPLETE -> "申请材料齐全。";
      case TOLERATED -> "关键材料齐全；以下非关键材料缺失或不合格，可容缺受理，须一次性告知申请人后补：";
      case KEY_MISSING -> "以下关键材料缺失或不合格，不得容缺，须一次性告知申请人补正：";
    });
    (outcome == MaterialOutcome.KEY_MISSING ? blocking : tolerated).forEach(item ->
        summary.append("\n- ").append(item.materialName()).append("（").append(item.stateText()).append("）"));
    if (outcome == MaterialOutcome.KEY_MISSING && !tolerated.isEmpty()) {
      summary.append("\n另有以下非关键材料缺失或不合格（可容缺）：");
      tolerated.forEach(item -> summary.append("\n- ").append(item.materialName())
          .append("（").append(item.stateText()).append("）"));
    }
    List<MaterialItem> outstanding = new ArrayList<>(blocking);
    outstanding.addAll(tolerated);
    return new MaterialCheck(outcome, summary.toString(), outstanding);
  }

  /**
   * 材料审查: the clerk's finding on each material (in order, defective with the reason, missing,
   * waived by the rules). Every row is checked before anything changes; a row for a material the case
   * does not have, a defective or waived item without a reason, or a waived key material is refused.
   * Items without a row keep their state.
   */
  public MaterialCheck reviewMaterials(long applicationId, List<MaterialReview> reviews, String by) {
    Map<String, MaterialItem> items = itemsByCode(applicationId);
    for (MaterialReview review : reviews) {
      MaterialItem item = items.get(review.materialCode());
      if (item == null) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "本案没有材料“" + review.materialCode() + "”");
      }
      if (review.result() == null) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "请选择材料“" + item.materialName() + "”的审查结果");
      }
      if ((review.result() == MaterialReview.Result.DEFECTIVE || review.result() == MaterialReview.Result.WAIVED)
          && blank(review.reason())) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "材料“" + item.materialName() + "”"
            + (review.result() == MaterialReview.Result.DEFECTIVE ? "不合格，须写明原因" : "免交，须写明依据"));
      }
      if (review.result() == MaterialReview.Result.WAIVED && item.keyMaterial()) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "材料“" + item.materialName() + "”是关键材料，不得免交");
      }
    }
    OffsetDateTime now = now();
    for (MaterialReview review : reviews) {
      MaterialItem item = items.get(review.materialCode());
      switch (review.result()) {
        case IN_ORDER -> {
          if (item.status() != MaterialStatus.SUBMITTED && item.status() != MaterialStatus.SUPPLIED) {
            materials.markSubmitted(item.id(), now, by);
          }
        }
        case DEFECTIVE -> materials.updateStatus(item.id(), MaterialStatus.DEFECTIVE, review.reason().strip(), by);
        case MISSING -> materials.updateStatus(item.id(), MaterialRules.statusOfAbsent(item.keyMaterial()), null, by);
        case WAIVED -> materials.updateStatus(item.id(), MaterialStatus.WAIVED, review.reason().strip(), by);
      }
    }
    return materialCheck(applicationId);
  }

  private Map<String, MaterialItem> itemsByCode(long applicationId) {
    return materials.findByApplication(applicationId).stream()
        .collect(Collectors.toMap(MaterialItem::materialCode, Function.identity()));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  /**
   * 材料审查 and the clerk's decision that follows it, in one step: the findings are recorded, then the
   * decision must fit the materials (see {@link #checkAcceptanceDecision}); a misfit undoes both.
   */
  public MaterialCheck reviewForDecision(long applicationId, List<MaterialReview> reviews, boolean accept,
      boolean correction, String by) {
    MaterialCheck reviewed = reviewMaterials(applicationId, reviews, by);
    checkAcceptanceDecision(applicationId, accept, correction);
    return reviewed;
  }

  /**
   * The clerk's decision after the check must fit the materials: a case with a key material missing
   * or defective cannot be accepted, and one without cannot be sent to correction.
   */
  public void checkAcceptanceDecision(long applicationId, boolean accept, boolean correction) {
    MaterialCheck check = materialCheck(applicationId);
    if (accept && check.outcome() == MaterialOutcome.KEY_MISSING) {
      throw new InvalidApplicationException(CaseFields.DECISION, "关键材料缺失或不合格，不能受理，"
          + "请选择“一次性告知补正”：" + check.outstanding().stream().filter(MaterialItem::blocksAcceptance)
              .map(MaterialItem::materialName).collect(Collectors.joining("、")));
    }
    if (correction && check.outcome() != MaterialOutcome.KEY_MISSING) {
      throw new InvalidApplicationException(CaseFields.DECISION,
          "关键材料齐全，无需补正；缺少或不合格的非关键材料可容缺受理");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
