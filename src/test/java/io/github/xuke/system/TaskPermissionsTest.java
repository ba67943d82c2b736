package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The bureau's groups hold the tasks of their processes per process definition (no authorization row per
 * task and group, issue 11), and the work on a task stays with its candidates and its assignee: a clerk
 * reads the officer's inspection task but cannot claim, complete, hand over or fill it; an officer cannot
 * complete a task his colleague claimed (409, in Chinese); experts and the other groups outside the bureau
 * keep Camunda's per-task rows and read only their own tasks.
 */
@XukeTest
class TaskPermissionsTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void theBureausGroupsAreGrantedPerDefinitionAndNoTaskGetsARowForThem() {
    ProcessInstance instance = new CaseDriver(engine).acceptedCase("HAZCHEM_SAFE_USE");
    List<String> taskIds = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list()
        .stream().map(Task::getId).toList();
    assertThat(taskIds).isNotEmpty();
    for (String taskId : taskIds) {
      assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
          .resourceId(taskId).groupIdIn(DefinitionTaskGrants.GROUPS.toArray(String[]::new)).count())
          .as("group rows of task %s", taskId).isZero();
    }
    for (String group : List.of("window-clerk", "case-officer", "chief-representative", "deputy-director")) {
      Authorization grant = engine.getAuthorizationService().createAuthorizationQuery()
          .resourceType(Resources.PROCESS_DEFINITION).resourceId(LicenceApplicationProcess.PROCESS_ID).groupIdIn(group)
          .singleResult();
      assertThat(grant).as(group).isNotNull();
      for (var permission : DefinitionTaskGrants.PERMISSIONS) {
        assertThat(grant.isPermissionGranted(permission)).as("%s %s", group, permission).isTrue();
      }
    }
    // the party committee has no step in the licence case: nothing granted on it
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId(LicenceApplicationProcess.PROCESS_ID).groupIdIn("party-committee")
        .hasPermission(ProcessDefinitionPermissions.READ_TASK).count()).isZero();
  }

  @Test
  void aTasksWorkStaysWithItsCandidatesAndItsAssignee() {
    TestHttp http = new TestHttp(port);
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    String task = "/engine-rest/task/" + driver.task(instance, Elements.TASK_SCHEDULE_INSPECTION).getId();

    // the clerk reads the officer's task, as the case file, and works none of it
    assertThat(http.get(task, "clerk", "demo").status()).isEqualTo(200);
    assertThat(http.get(task + "/form-variables", "clerk", "demo").status()).isEqualTo(200);
    assertThat(http.postJson(task + "/claim", "clerk", "demo", Map.of("userId", "clerk")).status()).isEqualTo(403);
    assertThat(http.postJson(task + "/assignee", "clerk", "demo", Map.of("userId", "officer")).status()).isEqualTo(403);
    assertThat(http.postJson(task + "/complete", "clerk", "demo", Map.of()).status()).isEqualTo(403);
    assertThat(http.putJson(task + "/localVariables/note", "clerk", "demo", Map.of("value", "x", "type", "String"))
        .status()).isEqualTo(403);
    assertThat(engine.getTaskService().getVariableLocal(task.substring(task.lastIndexOf('/') + 1), "note")).isNull();

    // an officer claims it; his colleague can neither claim nor complete it, and is told why
    assertThat(http.postJson(task + "/claim", "officer", "demo", Map.of("userId", "officer")).status()).isEqualTo(204);
    TestHttp.Response claimed = http.postJson(task + "/complete", "officer2", "demo", Map.of());
    assertThat(claimed.status()).as(claimed.body()).isEqualTo(409);
    assertThat(claimed.json().path("message").asText()).contains("已被他人认领");
    assertThat(http.postJson(task + "/claim", "officer2", "demo", Map.of("userId", "officer2")).status()).isEqualTo(409);
    // a candidate may hand a colleague's task back to the group (an officer away)
    assertThat(http.postJson(task + "/unclaim", "officer2", "demo", Map.of()).status()).isEqualTo(204);
    assertThat(http.postJson(task + "/claim", "officer2", "demo", Map.of("userId", "officer2")).status()).isEqualTo(204);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.substring(task.lastIndexOf('/') + 1))
        .singleResult().getAssignee()).isEqualTo("officer2");
  }

  @Test
  void expertsAndTheGroupsOutsideTheBureauReadOnlyTheirOwnTasks() {
    TestHttp http = new TestHttp(port);
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    Task invitation = engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION).list().get(0);
    String drawn = invitation.getAssignee();
    String other = IdentitySeeder.DEMO_USERS.stream().filter(user -> user.group() == StaffGroup.EXPERT)
        .map(IdentitySeeder.DemoUser::id).filter(id -> !id.equals(drawn)).filter(id -> engine.getTaskService()
            .createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).taskAssignee(id).count() == 0)
        .findFirst().orElseThrow();

    assertThat(http.get("/engine-rest/task/" + invitation.getId(), drawn, "demo").status()).isEqualTo(200);
    assertThat(http.get("/engine-rest/task/" + invitation.getId(), other, "demo").status()).isEqualTo(404);
    assertThat(http.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + instance.getBusinessKey(), other, "demo")
        .json()).isEmpty();
    // the clerk has no step in an expert review: the invitation is not his to read
    assertThat(http.get("/engine-rest/task/" + invitation.getId(), "clerk", "demo").status()).isEqualTo(404);
    for (String outsider : List.of("district", "liaison", "party")) {
      assertThat(http.get("/engine-rest/task?maxResults=50&processInstanceBusinessKey=" + instance.getBusinessKey(), outsider, "demo")
          .json()).as(outsider).isEmpty();
    }
  }
}
