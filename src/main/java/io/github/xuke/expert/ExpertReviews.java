package io.github.xuke.expert;

import io.github.xuke.application.Cases;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.document.DocumentService;
import io.github.xuke.core.JsonRows;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.system.CurrentUser;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The face of the expert review of one case, as process {@code ExpertReview} drives it: the panel
 * drawn, each expert's answer, reminder and opinion, and the consolidated opinion. The draws
 * themselves (fair, recorded, reproducible) are {@link ExpertDraws}.
 */
@Service
@Transactional
public class ExpertReviews {

  /** The priority of a pre-review the expert was reminded of (Tasklist's default is 50). */
  public static final int REMINDED_PRIORITY = 90;

  private final ExpertDraws draws;
  private final Cases cases;
  private final DocumentService documents;
  private final TaskService taskService;
  private final CurrentUser currentUser;
  private final ApplicationEventPublisher events;

  ExpertReviews(ExpertDraws draws, Cases cases, DocumentService documents, TaskService taskService,
      CurrentUser currentUser, ApplicationEventPublisher events) {
    this.draws = draws;
    this.cases = cases;
    this.documents = documents;
    this.taskService = taskService;
    this.currentUser = currentUser;
    this.events = events;
  }

  /** One row of the expert's 逐项预审 list: a material of the case and the expert's finding. */
  public record FindingRow(String materialCode, String materialName, String finding) {}

  /** What the review starts with: the experts invited, until when they answer, the list to fill. */
  public record Begun(List<String> panel, Date answerDue, SpinJsonNode findingRows) {}

  /** Draws the panel; the review begins (the statutory clock stops, §45). */
  public Begun begin(long applicationId, String processInstanceId) {
    List<String> panel = draws.drawPanel(applicationId, currentUser.id());
    events.publishEvent(new ExpertReviewEvents.Started(applicationId, processInstanceId));
    return new Begun(panel, draws.answerDue(), findingRows(cases.materials(applicationId)));
  }

  /**
   * What the expert's 专家预审技术材料 shows when it opens: one row to fill per material actually
   * submitted, the submitted materials with their documents to open (Markdown), and the tolerated
   * items still missing (Markdown, null when none) — never to review.
   */
  public record PreReview(SpinJsonNode findingRows, String submittedMaterials, String outstandingMaterials) {}

  /** The materials as they stand now: an item supplied since the draw is there to review, a missing one is not. */
  @Transactional(readOnly = true)
  public PreReview preReview(long applicationId) {
    List<MaterialItem> materials = cases.materials(applicationId);
    return new PreReview(findingRows(materials),
        PreReviewMaterials.submittedText(materials, documents.ofCase(applicationId)),
        PreReviewMaterials.outstandingText(materials));
  }

  private static SpinJsonNode findingRows(List<MaterialItem> materials) {
    return JsonRows.toJson(PreReviewMaterials.toReview(materials).stream()
        .map(item -> new FindingRow(item.materialCode(), item.materialName(), "")).toList());
  }

  public void participate(long applicationId, String expert) {
    draws.participate(applicationId, expert);
  }

  /** Who replaces an expert who declined or did not answer, and until when the new one answers. */
  public record Replacement(String expert, Date answerDue) {}

  /** The expert declined (with the reason) or did not answer: a new recorded draw names the replacement, or nobody. */
  public Replacement replace(long applicationId, String expert, boolean declined, String reason) {
    String replacement = draws.replace(applicationId, expert,
        declined ? Assignment.State.DECLINED : Assignment.State.TIMED_OUT, reason, currentUser.id());
    return new Replacement(replacement, draws.answerDue());
  }

  /** The pre-review is due soon: recorded, and the expert's task rises to the top of 我的任务. */
  public void remind(long applicationId, String expert, String processInstanceId) {
    draws.remind(applicationId, expert);
    currentUser.withoutAuthorization(() -> {
      taskService.createTaskQuery().processInstanceId(processInstanceId)
          .taskDefinitionKey(ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)
          .taskAssignee(expert).list()
          .forEach(task -> taskService.setPriority(task.getId(), REMINDED_PRIORITY));
      return null;
    });
  }

  /** The expert's conclusion, comments and findings per material ({@code findingRows}: the form's list). */
  public void recordOpinion(long applicationId, String expert, String conclusion, String comments,
      SpinJsonNode findingRows, String findingRowsField) {
    StringBuilder findings = new StringBuilder();
    List<FindingRow> rows = JsonRows.fromJson(findingRows, FindingRow[].class, findingRowsField);
    java.util.Map<String, MaterialItem> materials = new java.util.HashMap<>();
    cases.materials(applicationId).forEach(item -> materials.put(item.materialCode(), item));
    for (FindingRow row : rows) {
      MaterialItem item = materials.get(row.materialCode());
      boolean hasFinding = row.finding() != null && !row.finding().isBlank();
      if (hasFinding && (item == null || !PreReviewMaterials.reviewable(item))) {
        throw new InvalidApplicationException(findingRowsField, "“" + (item == null ? row.materialCode()
            : item.materialName()) + "”" + (item == null ? "不是本案的材料" : "尚未提交（" + item.status().displayName()
            + "），不在本次预审范围") + "，请删除对它的预审意见");
      }
      if (hasFinding) {
        findings.append(item.materialName()).append("：").append(row.finding().strip()).append("\n");
      }
    }
    draws.recordReview(applicationId, expert, conclusion,
        (comments == null ? "" : comments.strip()) + (findings.isEmpty() ? "" : "\n" + findings.toString().strip()));
  }

  /** The panel's opinions for the case officer; the review ends (the statutory clock runs again). */
  public ExpertDraws.Consolidated conclude(long applicationId, String processInstanceId) {
    ExpertDraws.Consolidated consolidated = draws.consolidate(applicationId);
    events.publishEvent(new ExpertReviewEvents.Ended(applicationId, consolidated.reviewers(), processInstanceId));
    return consolidated;
  }
}
