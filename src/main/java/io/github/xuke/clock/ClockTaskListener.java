package io.github.xuke.clock;

import io.github.xuke.application.process.LicenceApplicationProcess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Meets a case's clocks when the user task that does their work is completed (see
 * {@link ClockKind#metByTasks()}), in the transaction of the completion, so a clock met in time
 * never fires; pauses a clock while a task whose time the law excludes is open
 * ({@link ClockKind#pausedDuringTasks()}); gives a task the due and follow-up dates of the clock
 * that times it ({@link ClockKind#dueOfTasks()}) when it is created — the one place that does, so
 * the diagrams name no dates. Added by the engine to every user task; the diagrams stay free of
 * listeners.
 */
public class ClockTaskListener extends AbstractBpmnParseListener implements TaskListener {

  private final ObjectProvider<CaseClockSteps> clocks;

  public ClockTaskListener(ObjectProvider<CaseClockSteps> clocks) {
    this.clocks = clocks;
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, this);
      userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    Long applicationId = LicenceApplicationProcess.Variables.APPLICATION_ID.get(task);
    if (applicationId == null) {
      return;
    }
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      clocks.getObject().taskCreated(applicationId, task.getTaskDefinitionKey(), task.getName())
          .filter(timing -> timing.state().open())
          .ifPresent(timing -> {
            task.setDueDate(Date.from(timing.dueAt().toInstant()));
            task.setFollowUpDate(Date.from(timing.warnAt().toInstant()));
          });
    } else {
      clocks.getObject().taskCompleted(applicationId, task.getTaskDefinitionKey(), task.getName(), task.getId());
    }
  }
}
