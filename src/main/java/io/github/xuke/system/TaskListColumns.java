package io.github.xuke.system;

import io.github.xuke.application.process.LicenceApplicationProcess.Variables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * What Tasklist shows in each task list item besides the task name: the case number, the
 * enterprise and the licence type, so a clerk with ten 受理申请 tasks can tell them apart.
 *
 * <p>Tasklist reads list columns with the user's own permissions, and staff may read their tasks but
 * not every case's variables (an expert must not browse all enterprises). So every user task gets,
 * when it is created, task-local copies of the case's label variables under names of their own,
 * which nothing else reads or writes. Added to every user task by the engine, not in the diagrams.
 */
public class TaskListColumns extends AbstractBpmnParseListener implements TaskListener {

  /** Task-local column → the process variable it shows. */
  static final Map<String, String> COLUMNS = Map.of(
      "listCaseNumber", Variables.CASE_NUMBER.name(),
      "listEnterpriseName", Variables.ENTERPRISE_NAME.name(),
      "listLicenceTypeName", Variables.LICENCE_TYPE_NAME.name());

  /** The filter's column definitions, in display order. */
  static final List<Map<String, String>> FILTER_VARIABLES = List.of(
      Map.of("name", "listCaseNumber", "label", "案件编号"),
      Map.of("name", "listEnterpriseName", "label", "申请单位"),
      Map.of("name", "listLicenceTypeName", "label", "许可事项"));

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    COLUMNS.forEach((column, source) -> {
      Object value = task.getVariable(source);
      if (value != null) {
        task.setVariableLocal(column, value);
      }
    });
  }
}
