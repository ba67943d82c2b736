package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
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

  @Test
  void acceptsTheExpressionsXukesDiagramsUse() {
    for (String expression : List.of("${toleratedOutstanding}", "${!toleratedOutstanding}",
        "${acceptanceDecision == 'ACCEPT'}", "${expert == null}", "#{execution.processBusinessKey}",
        "${dueAt}", "${inspectionWarnAt}",
        "${a > 1 && (b <= 2.5 || not c) ? x : y}", "${empty expertPanel}")) {
      assertThat(DiagramExpressions.refusals(expression)).as(expression).isEmpty();
    }
  }

  @Test
  void refusesEveryExpressionBeyondTheAllowlistNamingElementAttributeAndExpression() {
    List<String> refused = List.of("${''.getClass()}", "${x.getClass().forName('java.lang.Runtime')}",
        "${execution.processEngine}", "${execution.getProcessEngineServices()}", "${caseClocks.pause(1, 'X', 'y')}",
        "${caseClocks.dueOf(applicationId, 'INSPECTION')}", "${workingDays.deadline(caseClocks.dueAt(clockId), 1)}",
        "${expertDraws.answerDue()}",
        "${caseClocks.dueOf(1, 'X').time}", "${caseClocks.dueOf}", "${environment.getProperty('x')}",
        "${systemProperties['user.home']}", "${now()}", "${x = 1}", "${'a'.concat('b')}", "${(x).y}",
        "#{T(java.lang.Runtime)}", "${x", "${a; b}");
    for (String expression : refused) {
      assertThat(DiagramExpressions.refusals(expression)).as(expression).isNotEmpty();
    }
    String bpmn = xml(Bpmn.createExecutableProcess("P").startEvent()
        .userTask("Task_Due").name("到期").camundaDueDate("${''.getClass()}")
        .camundaCandidateGroups("${environment.getProperty('x')}")
        .camundaInputParameter("p", "${execution.processEngine}")
        .exclusiveGateway("Gateway_Q").name("是否？")
        .condition("是", "${x.getClass() != null}").endEvent()
        .moveToLastGateway().condition("否", "${!x}").endEvent()
        .done());
    List<Problem> problems = validator.problems(bytes(bpmn));
    assertThat(problems).extracting(Problem::getMessage)
        .anySatisfy(message -> assertThat(message).contains("Task_Due", "camunda:dueDate", "${''.getClass()}"))
        .anySatisfy(message -> assertThat(message).contains("Task_Due", "camunda:candidateGroups",
            "${environment.getProperty('x')}"))
        .anySatisfy(message -> assertThat(message).contains("Task_Due", "camunda:inputParameter",
            "${execution.processEngine}"))
        .anySatisfy(message -> assertThat(message).contains("conditionExpression", "${x.getClass() != null}"))
        .hasSize(4);
  }

  @Test
  void refusesDecisionsOutsideFeelAndCaseModels() {
    String dmn = """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="d" namespace="x">
          <decision id="Decision_Evil" name="坏">
            <decisionTable id="Table_Evil">
              <input id="Input_1"><inputExpression id="Expr_1" typeRef="string" expressionLanguage="juel">
                <text>${''.getClass()}</text></inputExpression></input>
              <output id="Output_1" name="out" typeRef="string"/>
              <rule id="Rule_1"><inputEntry id="Entry_1"><text>-</text></inputEntry>
                <outputEntry id="Out_1"><text>function(x) external {java:{class:"java.lang.System",method signature:"exit(int)"}}</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>""";
    assertThat(validator.problemsOf("evil.dmn", bytes(dmn))).extracting(Problem::getMessage)
        .anySatisfy(message -> assertThat(message).contains("Expr_1", "expressionLanguage=\"juel\""))
        .anySatisfy(message -> assertThat(message).contains("Expr_1", "JUEL"))
        .anySatisfy(message -> assertThat(message).contains("Out_1", "external"));
    assertThat(validator.problemsOf("case.cmmn", bytes("<definitions/>"))).extracting(Problem::getMessage)
        .singleElement().asString().contains("CMMN");
    assertThat(validator.problemsOf("licence-requirements.dmn", bytes("""
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="d" namespace="x"
            expressionLanguage="https://www.omg.org/spec/DMN/20191111/FEEL/"/>"""))).isEmpty();
  }

  private static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
