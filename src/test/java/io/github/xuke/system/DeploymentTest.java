package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.ApplicationForm;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.application.process.LicenceApplicationStarter;
import java.util.List;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deployments: the app deploys only what changed; Modeler's deploy dialog (engine REST, admin
 * credentials) can replace a diagram for new cases; any deployment with a script, a class or an
 * unknown bean is refused whole, with a message naming the element.
 */
@XukeTest
class DeploymentTest {

  static final String ADMIN_PASSWORD = "xuke-admin";

  @Autowired ProcessEngine engine;
  @Autowired LicenceApplicationStarter starter;
  @LocalServerPort int port;

  @Test
  void restartWithUnchangedFilesDeploysNothing() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    new ProcessDeployer().postProcessEngineBuild(engine);
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(engine.getRepositoryService().createDeploymentQuery()
        .deploymentName(ProcessDeployer.DEPLOYMENT_NAME).list())
        .allSatisfy(deployment -> assertThat(engine.getRepositoryService()
            .getDeploymentResourceNames(deployment.getId()))
            .allSatisfy(name -> assertThat(name).doesNotStartWith("/").doesNotContain(":")));
    assertThat(engine.getRepositoryService().getDeploymentResourceNames(engine.getRepositoryService()
        .createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
        .orderByDeploymentTime().asc().list().get(0).getId()))
        .contains("licence-application.bpmn", "licence-requirements.dmn", "forms/application-intake.form");
  }

  @Test
  void engineRefusesAScriptTaskNamingTheElement() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Refused").camundaHistoryTimeToLive(1)
        .startEvent().scriptTask("Task_Calculate").name("计算").scriptFormat("javascript").scriptText("1")
        .endEvent().done());
    assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
        .addString("refused.bpmn", bpmn).deploy())
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Task_Calculate（计算）").hasMessageContaining("脚本任务");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void modelerDeploymentOfAnUnknownBeanIsRefusedWithTheElementNamed() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    byte[] bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Typo").camundaHistoryTimeToLive(1)
        .startEvent().serviceTask("Task_IssueLicence").name("制发许可证")
        .camundaDelegateExpression("${issueLicenseDelegate}").endEvent().done())
        .getBytes(StandardCharsets.UTF_8);

    TestHttp.Response response = new TestHttp(port).postMultipart("/engine-rest/deployment/create",
        "admin", ADMIN_PASSWORD, "typo.bpmn", bpmn, "deployment-name", "typo");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Task_IssueLicence", "issueLicenseDelegate", "不存在");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void modelerDeploymentOfAnExpressionBeyondTheAllowlistIsRefused() {
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    byte[] bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("Evil").camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Evil").name("恶意").camundaAssignee(
            "${''.getClass().forName('java.lang.Runtime')}").endEvent().done())
        .getBytes(StandardCharsets.UTF_8);

    TestHttp.Response response = new TestHttp(port).postMultipart("/engine-rest/deployment/create",
        "admin", ADMIN_PASSWORD, "evil.bpmn", bpmn, "deployment-name", "evil");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("Task_Evil", "camunda:assignee", "getClass");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
  }

  @Test
  void modelerDeploymentNeedsCredentialsAndNewCasesUseIt() throws IOException {
    byte[] edited = Files.readString(Path.of("processes/licence-application.bpmn"))
        .replace("name=\"行政许可申请办理\"", "name=\"行政许可申请办理（修订）\"")
        .getBytes(StandardCharsets.UTF_8);
    TestHttp http = new TestHttp(port);

    assertThat(http.postMultipart("/engine-rest/deployment/create", null, null,
        "licence-application.bpmn", edited, "deployment-name", "modeler").status()).isEqualTo(401);
    TestHttp.Response response = http.postMultipart("/engine-rest/deployment/create", "admin",
        ADMIN_PASSWORD, "licence-application.bpmn", edited, "deployment-name", "modeler",
        "deploy-changed-only", "true");
    assertThat(response.status()).as(response.body()).isEqualTo(200);

    ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(LicenceApplicationProcess.PROCESS_ID).latestVersion().singleResult();
    assertThat(latest.getName()).isEqualTo("行政许可申请办理（修订）");
    assertThat(latest.getVersion()).isGreaterThan(1);
    String caseId = starter.start(CaseDriver.withParticulars(new ApplicationForm("新版流程测试企业",
        CaseDriver.newCreditCode(), "李四", "021-12345678", "FIREWORKS_WHOLESALE", List.of("APPLICATION_FORM"))))
        .processInstanceId();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(caseId)
        .singleResult().getProcessDefinitionId()).isEqualTo(latest.getId());
  }
}
