package io.github.xuke.inspection.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.inspection.InspectionForms;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creating user task {@code Task_ScheduleInspection} (安排现场核查): the inspectors and experts to choose from. */
@Component
public class InspectionFormsListener implements TaskListener {

  private final InspectionForms forms;

  public InspectionFormsListener(InspectionForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    InspectionForms.Choices choices = forms.choices(APPLICATION_ID.get(task));
    INSPECTOR_OPTIONS.set(task.getExecution(), choices.inspectors());
    EXPERT_OPTIONS.set(task.getExecution(), choices.experts());
    COMPLAINT_PHONE.set(task.getExecution(), choices.complaintPhone());
  }
}
