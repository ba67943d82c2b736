package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RemindExpert} (提醒专家): the pre-review is due soon. */
@Component
public class RemindExpertDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public RemindExpertDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.remind(LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution), EXPERT.get(execution),
        execution.getProcessInstanceId());
  }
}
