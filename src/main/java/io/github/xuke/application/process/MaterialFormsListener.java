package io.github.xuke.application.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a task whose form shows one of the case's material lists is created (材料审查与受理, 现场核查与
 * 技术评审, 登记与核验补交材料), the list is written once, as the case stands then; an arrival outside
 * the task refreshes it ({@code MaterialFormsRefresh}). Added by the engine to every user task.
 */
@Component
class MaterialFormsListener extends AbstractBpmnParseListener implements TaskListener {

  private final ObjectProvider<MaterialForms> forms;

  MaterialFormsListener(ObjectProvider<MaterialForms> forms) {
    this.forms = forms;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (MaterialForms.LIST_OF_TASK.containsKey(activity.getId())
        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Long applicationId = LicenceApplicationProcess.Variables.APPLICATION_ID.get(task);
    if (applicationId != null) {
      task.getExecution().getProcessInstance()
          .setVariables(forms.getObject().listOf(task.getTaskDefinitionKey(), applicationId));
    }
  }
}
