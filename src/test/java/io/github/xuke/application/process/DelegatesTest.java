package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.xuke.application.ApplicationForm;
import io.github.xuke.application.ApplicationService;
import io.github.xuke.application.DeliveryMethod;
import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.SupplyChannel;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import org.camunda.bpm.engine.variable.VariableMap;
import io.github.xuke.system.CurrentUser;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

/** The delegates only map: variables in, one business call, variables out. No engine here. */
class DelegatesTest {

  final ApplicationService applications = mock(ApplicationService.class);
  final CurrentUser currentUser = mock(CurrentUser.class);
  final Map<String, Object> variables = new HashMap<>();
  DelegateExecution execution;

  @BeforeEach
  void setUp() {
    when(currentUser.id()).thenReturn("clerk");
    execution = mock(DelegateExecution.class);
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getVariable(Mockito.anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    Mockito.doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1)))
        .when(execution).setVariable(Mockito.anyString(), any());
  }

  @Test
  void registerTurnsTheStartFormIntoACaseWithItsNumberAsBusinessKey() {
    variables.put(ENTERPRISE_NAME.name(), "  某公司 ");
    variables.put(CREDIT_CODE.name(), "91350100m000100y43");
    variables.put(CONTACT_NAME.name(), "张三");
    variables.put(CONTACT_PHONE.name(), "13812345678");
    variables.put(LICENCE_TYPE.name(), "HAZCHEM_SAFE_USE");
    variables.put(SUBMITTED_MATERIALS.name(), Spin.JSON(List.of("APPLICATION_FORM", "BUSINESS_LICENCE")));
    Date received = new Date();
    when(applications.receive(any(), eq("pi-1"), eq("clerk"))).thenReturn(
        new ApplicationService.Registration(7L, "XK-2026-000007", "危险化学品安全使用许可证", received, 5,
            new ApplicationForm("某公司", "91350100M000100Y43", "张三", "13812345678", "HAZCHEM_SAFE_USE",
                List.of("APPLICATION_FORM", "BUSINESS_LICENCE"), null, null, "高新区")));

    new RegisterApplicationDelegate(applications, currentUser).execute(execution);

    ArgumentCaptor<ApplicationForm> form = ArgumentCaptor.forClass(ApplicationForm.class);
    verify(applications).receive(form.capture(), eq("pi-1"), eq("clerk"));
    assertThat(form.getValue().materials()).containsExactly("APPLICATION_FORM", "BUSINESS_LICENCE");
    verify(execution).setProcessBusinessKey("XK-2026-000007");
    assertThat(variables).containsEntry(APPLICATION_ID.name(), 7L)
        .containsEntry(COMMITTED_LIMIT_DAYS.name(), 5)
        .containsEntry(RECEIVED_AT.name(), received)
        .as("the case shows the form as it was taken").containsEntry(ENTERPRISE_NAME.name(), "某公司")
        .containsEntry(CREDIT_CODE.name(), "91350100M000100Y43").containsEntry(DISTRICT.name(), "高新区");
  }

  @Test
  void theFormsListEveryMaterialForTheCheckAndOnlyOutstandingToleratedItemsForSupply() {
    MaterialItemRepository materials = mock(MaterialItemRepository.class);
    DocumentService documents = mock(DocumentService.class);
    when(materials.findByApplication(7L)).thenReturn(List.of(
        new MaterialItem(1, 7, "SAFETY_RULES", "安全生产规章制度和岗位操作规程目录", false, MaterialStatus.TOLERATED,
            null, null, "clerk", null, null, null),
        new MaterialItem(2, 7, "EMERGENCY_PLAN", "应急预案", false, MaterialStatus.AWAITING_CHECK,
            null, null, "enterprise", SupplyChannel.ONLINE, null, null),
        new MaterialItem(3, 7, "BUSINESS_LICENCE", "营业执照", true, MaterialStatus.SUBMITTED,
            null, null, "clerk", null, null, null)));
    when(documents.ofCase(7L)).thenReturn(List.of(new StoredDocument(12, 7, "EMERGENCY_PLAN", "x.pdf",
        "预案.pdf", "application/pdf", 10, "ab", "enterprise", null)));

    VariableMap written = new MaterialForms(materials, documents).variables(7L);

    assertThat(written.get(TOLERATED_OUTSTANDING.name())).isEqualTo(true);
    assertThat(written.get(OUTSTANDING_MATERIAL_OPTIONS.name()).toString())
        .isEqualTo("[{\"label\":\"安全生产规章制度和岗位操作规程目录\",\"value\":\"SAFETY_RULES\"}]");
    SpinJsonNode review = (SpinJsonNode) written.get(MATERIAL_REVIEW.name());
    assertThat(review.elements()).hasSize(3);
    assertThat(review.elements().get(0).prop("result").stringValue()).isEqualTo("MISSING");
    assertThat(review.elements().get(2).prop("result").stringValue()).isEqualTo("IN_ORDER");
    SpinJsonNode supply = (SpinJsonNode) written.get(SUPPLY_REVIEW.name());
    assertThat(supply.elements()).extracting(row -> row.prop("materialCode").stringValue())
        .containsExactly("SAFETY_RULES", "EMERGENCY_PLAN");
    assertThat(supply.elements().get(1).prop("channel").stringValue()).isEqualTo("ONLINE");
    assertThat(supply.elements().get(1).prop("documents").stringValue()).isEqualTo("预案.pdf（文件12）");

    MaterialForms forms = new MaterialForms(materials, documents);
    assertThat(forms.listOf(LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION, 7L))
        .as("a task's form gets its own list only").containsOnlyKeys(MATERIAL_REVIEW.name());
    assertThat(forms.listOf(LicenceApplicationProcess.Elements.TASK_RECORD_SUPPLIED_MATERIALS, 7L))
        .containsOnlyKeys(SUPPLY_REVIEW.name());
    assertThat(forms.listOf(LicenceApplicationProcess.Elements.TASK_REVIEW_CASE, 7L)).isEmpty();
    assertThat(forms.toleratedOutstanding(7L)).isTrue();
  }

  @Test
  void decisionPassesTheChiefsAnswerAndKeepsTheDecisionTime() {
    variables.put(APPLICATION_ID.name(), 7L);
    variables.put(APPROVAL_DECISION.name(), LicenceApplicationProcess.Values.REFUSE);
    variables.put(APPROVAL_REASON.name(), "不符合条件");
    Date decided = new Date();
    Date signatureDue = new Date(decided.getTime() + 86_400_000L);
    when(applications.recordDecision(7L, false, "不符合条件", "clerk"))
        .thenReturn(new ApplicationService.Decision(decided, signatureDue));

    new RecordDecisionDelegate(applications, currentUser).execute(execution);

    assertThat(variables).containsEntry(DECIDED_AT.name(), decided).containsEntry(SIGNATURE_DUE_AT.name(), signatureDue);
  }

  @Test
  void completionWithoutADeliveryMethodIsRefusedInChinese() {
    variables.put(APPLICATION_ID.name(), 7L);
    assertThatThrownBy(() -> new CompleteCaseDelegate(applications).execute(execution))
        .isInstanceOf(InvalidApplicationException.class).hasMessage("请选择送达方式");
    verifyNoInteractions(applications);

    variables.put(DELIVERY_METHOD.name(), "PICKUP");
    new CompleteCaseDelegate(applications).execute(execution);
    verify(applications).complete(7L, DeliveryMethod.PICKUP, null);
  }

  @Test
  void aRefusalOfTheServiceNamesTheFormsField() {
    variables.put(APPLICATION_ID.name(), 7L);
    variables.put(DELIVERY_METHOD.name(), "COURIER");
    org.mockito.Mockito.doThrow(new InvalidApplicationException("trackingNumber", "邮寄送达必须填写快递单号"))
        .when(applications).complete(7L, DeliveryMethod.COURIER, null);
    assertThatThrownBy(() -> new CompleteCaseDelegate(applications).execute(execution))
        .isInstanceOfSatisfying(InvalidApplicationException.class, refused -> {
          assertThat(refused.field()).isEqualTo(TRACKING_NUMBER.name());
          assertThat(refused.getMessage()).isEqualTo("邮寄送达必须填写快递单号");
        });

    variables.put(WITHDRAWAL_REASON.name(), " ");
    org.mockito.Mockito.doThrow(new InvalidApplicationException("reason", "退办必须说明理由"))
        .when(applications).withdraw(7L, " ", "clerk");
    assertThatThrownBy(() -> new RecordWithdrawalDelegate(applications, currentUser).execute(execution))
        .isInstanceOfSatisfying(InvalidApplicationException.class, refused ->
            assertThat(refused.field()).isEqualTo(WITHDRAWAL_REASON.name()));
  }
}
