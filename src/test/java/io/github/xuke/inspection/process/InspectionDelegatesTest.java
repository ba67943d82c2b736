package io.github.xuke.inspection.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.inspection.InspectionForms;
import io.github.xuke.inspection.InspectionRecords;
import io.github.xuke.inspection.InspectionScheduling;
import io.github.xuke.system.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** The inspection's listener and delegates only map: variables in, one call to the module, variables out. No engine. */
class InspectionDelegatesTest {

  final CurrentUser currentUser = mock(CurrentUser.class);
  final Map<String, Object> variables = new HashMap<>();
  DelegateExecution execution;

  @BeforeEach
  void setUp() {
    when(currentUser.id()).thenReturn("officer");
    execution = backedByVariables(mock(DelegateExecution.class));
    variables.put(APPLICATION_ID.name(), 7L);
  }

  private <T extends VariableScope> T backedByVariables(T scope) {
    when(scope.getVariable(Mockito.anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    Mockito.doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(scope).setVariable(Mockito.anyString(), any());
    return scope;
  }

  @Test
  void theScheduleFormOffersTheModulesChoices() {
    InspectionForms forms = mock(InspectionForms.class);
    SpinJsonNode inspectors = Spin.JSON("[{\"label\":\"李承办\",\"value\":\"officer\"}]");
    SpinJsonNode experts = Spin.JSON("[]");
    when(forms.choices(7L)).thenReturn(new InspectionForms.Choices(inspectors, experts, "12350"));
    DelegateTask task = backedByVariables(mock(DelegateTask.class));
    when(task.getExecution()).thenReturn(execution);

    new InspectionFormsListener(forms).notify(task);

    assertThat(variables).containsEntry(INSPECTOR_OPTIONS.name(), inspectors)
        .containsEntry(EXPERT_OPTIONS.name(), experts).containsEntry(COMPLAINT_PHONE.name(), "12350");
  }

  @Test
  void theScheduleIsRecordedAndItsRowsBecomeTheOnSiteLists() {
    InspectionScheduling scheduling = mock(InspectionScheduling.class);
    variables.put(LICENCE_TYPE.name(), "HAZCHEM_SAFE_USE");
    variables.put(INSPECTION_START.name(), "2026-06-04T09:00");
    variables.put(INSPECTION_HOURS.name(), 3);
    variables.put(INSPECTORS.name(), Spin.JSON(List.of("officer", "officer2")));
    SpinJsonNode participants = Spin.JSON("[{\"userId\":\"officer\"}]");
    SpinJsonNode checks = Spin.JSON("[{\"itemCode\":\"SITE_DISTANCE\"}]");
    when(scheduling.schedule(eq(7L), eq("HAZCHEM_SAFE_USE"), any(), eq("officer")))
        .thenReturn(new InspectionScheduling.Scheduled(11L, "2026-06-04", participants, checks));

    new RecordInspectionScheduleDelegate(scheduling, currentUser).execute(execution);

    ArgumentCaptor<InspectionScheduling.ScheduleRequest> request =
        ArgumentCaptor.forClass(InspectionScheduling.ScheduleRequest.class);
    verify(scheduling).schedule(eq(7L), eq("HAZCHEM_SAFE_USE"), request.capture(), eq("officer"));
    assertThat(request.getValue()).isEqualTo(new InspectionScheduling.ScheduleRequest("2026-06-04T09:00", 3,
        List.of("officer", "officer2"), null, false, null));
    assertThat(variables).containsEntry(INSPECTION_ID.name(), 11L).containsEntry(INSPECTION_DATE.name(), "2026-06-04")
        .containsEntry(INSPECTION_PARTICIPANTS.name(), participants).containsEntry(INSPECTION_CHECKS.name(), checks);
  }

  @Test
  void theRecordSendsTheFormsListsAsTheyCame() {
    InspectionRecords records = mock(InspectionRecords.class);
    SpinJsonNode participants = Spin.JSON("[{\"userId\":\"officer\",\"pledgeRead\":true}]");
    SpinJsonNode checks = Spin.JSON("[{\"itemCode\":\"SITE_DISTANCE\",\"result\":\"CONFORM\"}]");
    variables.put(INSPECTION_PARTICIPANTS.name(), participants);
    variables.put(INSPECTION_CHECKS.name(), checks);
    variables.put(INSPECTION_RESULT.name(), Values.INSPECTION_PASS);
    variables.put(INSPECTION_FINDINGS.name(), "现场与材料一致");

    new RecordInspectionDelegate(records, currentUser).execute(execution);

    verify(records).record(7L, new InspectionRecords.RecordRequest(participants, checks, Values.INSPECTION_PASS,
        "现场与材料一致"), "officer");
  }

  @Test
  void theRecheckDecidesTheResultAndTheFindingsTheCaseGoesOnWith() {
    InspectionRecords records = mock(InspectionRecords.class);
    variables.put(RECTIFICATION_RESULT.name(), Values.NOT_RECTIFIED);
    variables.put(RECTIFICATION_NOTE.name(), "型号不符");
    variables.put(INSPECTION_FINDINGS.name(), "缺少防毒面具");
    when(records.recheck(7L, Values.NOT_RECTIFIED, "型号不符", "缺少防毒面具", "officer"))
        .thenReturn(new InspectionRecords.Rechecked(Values.INSPECTION_FAIL, "缺少防毒面具\n整改复查：整改不合格。型号不符"));

    new RecordRectificationRecheckDelegate(records, currentUser).execute(execution);

    assertThat(variables).containsEntry(INSPECTION_RESULT.name(), Values.INSPECTION_FAIL)
        .containsEntry(INSPECTION_FINDINGS.name(), "缺少防毒面具\n整改复查：整改不合格。型号不符");
  }
}
