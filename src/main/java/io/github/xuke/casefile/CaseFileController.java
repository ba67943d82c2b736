package io.github.xuke.casefile;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ApiException;
import io.github.xuke.system.CurrentUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case file (案卷) of a case, or of the case a Tasklist task belongs to. */
@RestController
public class CaseFileController {

  private final CaseFiles caseFiles;
  private final TaskService taskService;
  private final CurrentUser currentUser;

  public CaseFileController(CaseFiles caseFiles, TaskService taskService, CurrentUser currentUser) {
    this.caseFiles = caseFiles;
    this.taskService = taskService;
    this.currentUser = currentUser;
  }

  @GetMapping("/api/applications/{id}/case-file")
  public CaseFile ofCase(@PathVariable long id) {
    return caseFiles.of(id);
  }

  /**
   * The case file beside a task (the case's own, the expert review it calls, or a clock's
   * supervision): the task only names the case; whether the user may read it is the case's rule,
   * as for {@link #ofCase}.
   */
  @GetMapping("/api/tasks/{taskId}/case-file")
  public CaseFile ofTask(@PathVariable String taskId) {
    Task task = currentUser.withoutAuthorization(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    Object id = task == null ? null : currentUser.withoutAuthorization(() ->
        taskService.getVariable(taskId, LicenceApplicationProcess.Variables.APPLICATION_ID.name()));
    if (!(id instanceof Number applicationId)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "taskId", "未找到该任务，或该任务不属于任何许可案件");
    }
    return caseFiles.of(applicationId.longValue()).besideTask(task.getTaskDefinitionKey());
  }
}
