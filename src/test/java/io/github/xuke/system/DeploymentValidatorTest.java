package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** What the validator refuses, without an engine. */
class DeploymentValidatorTest {

  final DeploymentValidator validator = new DeploymentValidator(Set.of("knownDelegate")::contains);

  @Test
  void acceptsDelegatesThatExist() {
    assertThat(validator.problems(bytes(xml(Bpmn.createExecutableProcess("P").startEvent()
        .serviceTask("Task_Known").name("已知").camundaDelegateExpression("${knownDelegate}")
        .endEvent().done())))).isEmpty();
  }

  @Test
  void refusesScriptTasksClassesUnknownBeansAndScriptListeners() {
    String bpmn = xml(Bpmn.createExecutableProcess("P").startEvent()
        .scriptTask("Task_Script").name("算一下").scriptFormat("groovy").scriptText("1+1")
        .serviceTask("Task_Class").name("类").camundaClass("com.example.Evil")
        .serviceTask("Task_Typo").name("拼错").camundaDelegateExpression("${knownDelegat}")
        .userTask("Task_Listener").name("有监听").camundaExecutionListenerExpression("start", "${x}")
        .endEvent().done())
        .replace("<camunda:executionListener event=\"start\" expression=\"${x}\"/>",
            "<camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"javascript\">x</camunda:script></camunda:executionListener>");
    assertThat(validator.problems(bpmn.getBytes(StandardCharsets.UTF_8)))
        .extracting(Problem::getMainElementId, Problem::getMessage)
        .anySatisfy(problem -> assertThat(problem.toList()).containsExactly("Task_Script",
            "元素 Task_Script（算一下） 是脚本任务（scriptTask）：不允许脚本，请改用 Java 委托（delegateExpression）"))
        .anySatisfy(problem -> assertThat(problem.toList().get(1).toString())
            .contains("Task_Class（类）", "camunda:class=\"com.example.Evil\""))
        .anySatisfy(problem -> assertThat(problem.toList().get(1).toString())
            .contains("Task_Typo（拼错）", "\"knownDelegat\" 不存在"))
        .anySatisfy(problem -> assertThat(problem.toList()).containsExactly("Task_Listener",
            "元素 Task_Listener（有监听） 含有 camunda:script 脚本：不允许脚本，请改用 Java 委托或 DMN"))
        .hasSize(4);
  }

  private static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
