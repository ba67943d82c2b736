package io.github.xuke.system;

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
 * when it is created, task-local copies of the label variables that the modules contribute
 * ({@link TaskListColumn} beans) under names of their own, which nothing else reads or writes. Added to every user task by the engine, not in the diagrams.
 */
public class TaskListColumns extends AbstractBpmnParseListener implements TaskListener {

  private final List<TaskListColumn> columns;

  public TaskListColumns(List<TaskListColumn> columns) {
    this.columns = List.copyOf(columns);
  }

  /** The filter's column definitions, in display order. */
  List<Map<String, String>> filterVariables() {
    return columns.stream().map(column -> Map.of("name", column.name(), "label", column.label())).toList();
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    for (TaskListColumn column : columns) {
      Object value = task.getVariable(column.sourceVariable());
      if (value != null) {
        task.setVariableLocal(column.name(), value);
      }
    }
  }
}
