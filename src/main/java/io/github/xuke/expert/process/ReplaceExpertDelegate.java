package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_ReplaceExpert} (重新抽取替补专家): the replacement of an expert who declined or did not answer, or nobody. */
@Component
public class ReplaceExpertDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public ReplaceExpertDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpertReviews.Replacement replacement = reviews.replace(
        LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution), EXPERT.get(execution),
        ExpertReviewProcess.Values.DECLINE.equals(PARTICIPATION_DECISION.get(execution)), DECLINE_REASON.get(execution));
    EXPERT.set(execution, replacement.expert());
    ANSWER_DUE_AT.set(execution, replacement.answerDue());
    PARTICIPATION_DECISION.set(execution, null);
    DECLINE_REASON.set(execution, null);
  }
}
