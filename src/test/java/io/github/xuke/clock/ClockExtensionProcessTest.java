package io.github.xuke.clock;

import io.github.xuke.clock.process.ClockExtensionProcess;
import static io.github.xuke.application.process.CaseDriver.form;
import static io.github.xuke.clock.process.ClockExtensionProcess.Elements.*;
import static io.github.xuke.clock.process.ClockExtensionProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xuke.ProcessCoverage;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.calendar.WorkingDays;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Process {@code ClockExtension}: asked in Tasklist, approved or refused by the deputy director. */
@XukeTest
@ProcessCoverage(process = ClockExtensionProcess.PROCESS_ID, atLeast = 1.0)
class ClockExtensionProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired CaseClocks clocks;
  @Autowired WorkingDays workingDays;
  CaseDriver driver;
  long applicationId;
  String caseNumber;

  @BeforeEach
  void acceptedCase() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-05-11T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    driver = new CaseDriver(engine);
    ProcessInstance instance = driver.acceptedCase("HAZCHEM_SAFE_USE");
    Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
    applicationId = LicenceApplicationProcess.Variables.APPLICATION_ID.from(variables);
    caseNumber = LicenceApplicationProcess.Variables.CASE_NUMBER.from(variables);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void anApprovedExtensionMovesTheClockWithBothReasons() {
    CaseClock before = clock();
    ProcessInstance request = driver.start("officer", ClockExtensionProcess.PROCESS_ID, request(10, "需委托检测机构补充检测"));
    BpmnAwareTests.assertThat(request).isWaitingAt(TASK_APPROVE_EXTENSION);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request.getId())
        .singleResult().getBusinessKey()).isEqualTo(caseNumber);

    driver.complete(request, TASK_APPROVE_EXTENSION, "deputy", form()
        .putValue(EXTENSION_DECISION.name(), ClockExtensionProcess.Values.APPROVE)
        .putValue(EXTENSION_COMMENT.name(), "同意延长十个工作日"));

    BpmnAwareTests.assertThat(request).isEnded().hasPassed(TASK_EXTEND_CLOCK, END_CLOCK_EXTENDED);
    CaseClock after = clock();
    assertThat(after.extensionValue()).isEqualTo(10);
    assertThat(workingDays.calendar().workingDaysBetween(
        before.dueAt().atZoneSameInstant(workingDays.zone()).toLocalDate(),
        after.dueAt().atZoneSameInstant(workingDays.zone()).toLocalDate())).isEqualTo(10);
    assertThat(clocks.history(after.id())).last().satisfies(event -> {
      assertThat(event.actor()).isEqualTo("deputy");
      assertThat(event.reason()).contains("需委托检测机构补充检测", "同意延长十个工作日");
    });
  }

  @Test
  void aRefusedExtensionChangesNothing() {
    CaseClock before = clock();
    ProcessInstance request = driver.start("chief", ClockExtensionProcess.PROCESS_ID, request(3, "企业要求"));
    driver.complete(request, TASK_APPROVE_EXTENSION, "deputy", form()
        .putValue(EXTENSION_DECISION.name(), ClockExtensionProcess.Values.REFUSE));
    BpmnAwareTests.assertThat(request).isEnded().hasPassed(END_EXTENSION_REFUSED);
    assertThat(clock()).isEqualTo(before);
  }

  @Test
  void aBadRequestIsRefusedInChineseAndStartsNothing() {
    VariableMap unknownCase = request(3, "理由");
    CASE_NUMBER.put(unknownCase, "XK-1999-000001");
    assertThatThrownBy(() -> driver.start("officer", ClockExtensionProcess.PROCESS_ID, unknownCase))
        .hasMessageContaining("未找到案件编号");
    assertThatThrownBy(() -> driver.start("officer", ClockExtensionProcess.PROCESS_ID, request(0, "理由")))
        .hasMessageContaining("延长天数应在 1 到 60 之间");
    assertThatThrownBy(() -> driver.start("expert", ClockExtensionProcess.PROCESS_ID, request(3, "理由")))
        .as("experts may not ask").isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ClockExtensionProcess.PROCESS_ID).processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  private VariableMap request(int days, String reason) {
    VariableMap request = form();
    CASE_NUMBER.put(request, caseNumber);
    CLOCK_KIND.put(request, ClockKind.COMMITTED_DECISION.name());
    EXTENSION_DAYS.put(request, days);
    EXTENSION_REASON.put(request, reason);
    return request;
  }

  private CaseClock clock() {
    return clocks.ofCase(applicationId).stream().filter(c -> c.kind() == ClockKind.COMMITTED_DECISION).findFirst().orElseThrow();
  }
}
