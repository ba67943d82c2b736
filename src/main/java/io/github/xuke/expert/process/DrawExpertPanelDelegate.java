package io.github.xuke.expert.process;

import static io.github.xuke.expert.process.ExpertReviewProcess.Variables.*;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.expert.ExpertReviews;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_DrawExpertPanel} (抽取评审专家): the panel, its answer due and the list each expert fills. */
@Component
public class DrawExpertPanelDelegate implements JavaDelegate {

  private final ExpertReviews reviews;

  public DrawExpertPanelDelegate(ExpertReviews reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExpertReviews.Begun begun = reviews.begin(LicenceApplicationProcess.Variables.APPLICATION_ID.get(execution),
        execution.getProcessInstanceId());
    EXPERT_PANEL.set(execution, new ArrayList<>(begun.panel()));
    ANSWER_DUE_AT.set(execution, begun.answerDue());
    FINDING_ROWS.set(execution, begun.findingRows());
  }
}
