package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordExpertOpinion} (登记预审意见): the conclusion, comments and findings per material. */
@Component
public class RecordExpertOpinionDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public RecordExpertOpinionDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.recordOpinion(LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution), EXPERT.get(execution),
        PRE_REVIEW_CONCLUSION.get(execution), PRE_REVIEW_COMMENTS.get(execution), PRE_REVIEW_FINDINGS.get(execution),
        PRE_REVIEW_FINDINGS.name());
  }
}
