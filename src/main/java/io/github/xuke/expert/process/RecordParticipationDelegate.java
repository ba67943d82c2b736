package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_RecordParticipation} (登记参加评审): the expert takes part, and the pre-review
 * that follows shows the materials as they stand now.
 */
@Component
public class RecordParticipationDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public RecordParticipationDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution);
    reviews.participate(applicationId, EXPERT.get(execution));
    ExpertReviews.PreReview preReview = reviews.preReview(applicationId);
    PRE_REVIEW_FINDINGS.set(execution, preReview.findingRows());
    SUBMITTED_MATERIALS_TEXT.set(execution, preReview.submittedMaterials());
    OUTSTANDING_MATERIALS_TEXT.set(execution, preReview.outstandingMaterials());
  }
}
