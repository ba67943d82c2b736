package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess.Elements;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The supervisors with Cockpit (chief representative, deputy director) read every open task — Cockpit's
 * task page and its dashboard count — and nothing more: they cannot claim, reassign or complete another
 * group's task. Staff read their colleagues' names; names are stored family name first.
 */
@XukeTest
class SupervisorPermissionsTest {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @Test
  void theDeputyReadsEveryOpenTaskAndWorksNone() {
    TestHttp http = new TestHttp(port);
    CaseDriver driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    Task schedule = driver.task(instance, Elements.TASK_SCHEDULE_INSPECTION);
    long open = engine.getTaskService().createTaskQuery().count();

    for (String supervisor : new String[] {"deputy", "chief"}) {
      TestHttp.Response count = http.get("/engine-rest/task/count", supervisor, "demo");
      assertThat(count.status()).as(count.body()).isEqualTo(200);
      assertThat(count.json().path("count").asLong()).as("%s counts every open task", supervisor).isEqualTo(open);
      assertThat(http.get("/engine-rest/task/" + schedule.getId(), supervisor, "demo").status()).isEqualTo(200);
      assertThat(http.postJson("/engine-rest/task/" + schedule.getId() + "/claim", supervisor, "demo",
          Map.of("userId", supervisor)).status()).as("%s claims another group's task", supervisor).isEqualTo(403);
      assertThat(http.postJson("/engine-rest/task/" + schedule.getId() + "/assignee", supervisor, "demo",
          Map.of("userId", "officer")).status()).isEqualTo(403);
      assertThat(http.postJson("/engine-rest/task/" + schedule.getId() + "/complete", supervisor, "demo",
          Map.of()).status()).isEqualTo(403);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(schedule.getId()).singleResult().getAssignee()).isNull();

    // the others read the tasks of the processes they have a step in (the bureau reads every case), not
    // the rest (the experts' invitations, the clocks' supervision), and work only their own (TaskPermissionsTest)
    long officerCount = http.get("/engine-rest/task/count", "officer", "demo").json().path("count").asLong();
    assertThat(officerCount).isLessThan(open);
    assertThat(http.get("/engine-rest/task/" + schedule.getId(), "clerk", "demo").status()).isEqualTo(200);
    assertThat(http.postJson("/engine-rest/task/" + schedule.getId() + "/claim", "clerk", "demo",
        Map.of("userId", "clerk")).status()).isEqualTo(403);
  }

  @Test
  void staffReadTheirColleaguesNamesFamilyNameFirst() {
    TestHttp http = new TestHttp(port);
    JsonNode clerk = http.get("/engine-rest/user/clerk/profile", "expert", "demo").json();
    assertThat(clerk.path("firstName").asText() + clerk.path("lastName").asText()).isEqualTo("王窗口");
    JsonNode deputy = http.get("/engine-rest/user/deputy/profile", "officer", "demo").json();
    assertThat(deputy.path("firstName").asText()).isEqualTo("陈局长");
    assertThat(deputy.path("lastName").asText()).isEmpty();
    // reading names is not administering users
    assertThat(http.putJson("/engine-rest/user/clerk/profile", "officer", "demo",
        Map.of("id", "clerk", "firstName", "某某", "lastName", "")).status()).isEqualTo(403);
  }
}
