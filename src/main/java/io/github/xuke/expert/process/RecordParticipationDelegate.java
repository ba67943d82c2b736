package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordParticipation} (登记参加评审). */
@Component
public class RecordParticipationDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public RecordParticipationDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    reviews.participate(LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution), EXPERT.get(execution));
  }
}
