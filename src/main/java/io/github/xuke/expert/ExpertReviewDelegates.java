package io.github.xuke.expert;

import static io.github.xuke.expert.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.ClockKind;
import io.github.xuke.system.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.github.xuke.application.process.JsonRows;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of process {@code ExpertReview}, one bean each (named as the diagram's
 * {@code delegateExpression}s), all thin: the work is in {@link ExpertDraws} and {@link CaseClocks}.
 */
@Configuration(proxyBeanMethods = false)
public class ExpertReviewDelegates {

  private static long applicationId(DelegateExecution execution) {
    return LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution);
  }

  /** {@code Task_DrawExpertPanel} (抽取评审专家): the panel; expert review stops the statutory clock (§45). */
  @Bean
  JavaDelegate drawExpertPanelDelegate(ExpertDraws draws, CaseClocks clocks, CurrentUser currentUser) {
    return execution -> {
      long id = applicationId(execution);
      List<String> panel = draws.drawPanel(id, currentUser.id());
      EXPERT_PANEL.set(execution, new ArrayList<>(panel));
      clocks.pauseIfRunning(id, ClockKind.STATUTORY_DECISION, "专家评审（专家预审技术材料）开始，依《行政许可法》第四十五条不计入法定期限");
    };
  }

  /** {@code Task_RecordParticipation} (登记参加评审). */
  @Bean
  JavaDelegate recordParticipationDelegate(ExpertDraws draws) {
    return execution -> draws.participate(applicationId(execution), EXPERT.get(execution));
  }

  /**
   * {@code Task_ReplaceExpert} (重新抽取替补专家): the expert declined (with the reason) or did not
   * answer in time; a new recorded draw names the replacement, or nobody.
   */
  @Bean
  JavaDelegate replaceExpertDelegate(ExpertDraws draws, CurrentUser currentUser) {
    return execution -> {
      boolean declined = ExpertReviewProcess.Values.DECLINE.equals(PARTICIPATION_DECISION.get(execution));
      String replacement = draws.replace(applicationId(execution), EXPERT.get(execution),
          declined ? Assignment.State.DECLINED : Assignment.State.TIMED_OUT, DECLINE_REASON.get(execution),
          currentUser.id());
      EXPERT.set(execution, replacement);
      PARTICIPATION_DECISION.set(execution, null);
      DECLINE_REASON.set(execution, null);
    };
  }

  /**
   * {@code Task_RemindExpert} (提醒专家): the pre-review is due soon; recorded, and the expert's task
   * rises to the top of 我的任务 (high priority).
   */
  @Bean
  JavaDelegate remindExpertDelegate(ExpertDraws draws, TaskService taskService, CurrentUser currentUser) {
    return execution -> {
      draws.remind(applicationId(execution), EXPERT.get(execution));
      currentUser.withoutAuthorization(() -> {
        taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)
            .taskAssignee(EXPERT.get(execution)).list()
            .forEach(task -> taskService.setPriority(task.getId(), REMINDED_PRIORITY));
        return null;
      });
    };
  }

  /** The priority of a pre-review the expert was reminded of (Tasklist's default is 50). */
  static final int REMINDED_PRIORITY = 90;

  /** {@code Task_RecordExpertOpinion} (登记预审意见): the conclusion, comments and findings per material. */
  @Bean
  JavaDelegate recordExpertOpinionDelegate(ExpertDraws draws) {
    return execution -> {
      StringBuilder findings = new StringBuilder();
      for (ExpertForms.FindingRow row : JsonRows.fromJson(PRE_REVIEW_FINDINGS.get(execution),
          ExpertForms.FindingRow[].class, PRE_REVIEW_FINDINGS.name())) {
        if (row.finding() != null && !row.finding().isBlank()) {
          findings.append(row.materialName()).append("：").append(row.finding().strip()).append("\n");
        }
      }
      String comments = PRE_REVIEW_COMMENTS.get(execution);
      draws.recordReview(applicationId(execution), EXPERT.get(execution), PRE_REVIEW_CONCLUSION.get(execution),
          (comments == null ? "" : comments.strip()) + (findings.isEmpty() ? "" : "\n" + findings.toString().strip()));
    };
  }

  /**
   * {@code Task_ConsolidateExpertOpinions} (汇总专家意见): the panel's opinions for the case officer;
   * the statutory clock runs again.
   */
  @Bean
  JavaDelegate consolidateExpertOpinionsDelegate(ExpertDraws draws, CaseClocks clocks) {
    return execution -> {
      long id = applicationId(execution);
      ExpertDraws.Consolidated consolidated = draws.consolidate(id);
      LicenceApplicationProcess.Variables.EXPERT_OPINION.set(execution, consolidated.opinion());
      LicenceApplicationProcess.Variables.EXPERT_COMMENTS.set(execution, consolidated.comments());
      clocks.resumeIfPaused(id, ClockKind.STATUTORY_DECISION, "专家评审结束（" + consolidated.reviewers()
          + " 位专家提交预审意见）", execution.getProcessInstanceId());
    };
  }
}
