package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import io.github.xuke.expert.ExpertDraws;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_ConsolidateExpertOpinions} (汇总专家意见): the panel's opinions for the case officer. */
@Component
public class ConsolidateExpertOpinionsDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public ConsolidateExpertOpinionsDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpertDraws.Consolidated consolidated = reviews.conclude(
        LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution), execution.getProcessInstanceId());
    LicenceApplicationProcess.Variables.EXPERT_OPINION.set(execution, consolidated.opinion());
    LicenceApplicationProcess.Variables.EXPERT_COMMENTS.set(execution, consolidated.comments());
  }
}
