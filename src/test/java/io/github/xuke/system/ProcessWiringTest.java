package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.clock.process.CaseClockProcess;
import io.github.xuke.clock.process.ClockExtensionProcess;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import io.github.xuke.application.process.MaterialForms;
import io.github.xuke.expert.ExpertReviews;
import io.github.xuke.inspection.InspectionForms;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.util.Map;
import java.util.stream.Collectors;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The files admins edit in Camunda Modeler agree with the code: every delegate is a bean, every
 * group exists, every form exists and uses only the process's variable names, every element is
 * drawn, and the start form offers exactly the licence types and materials of the DMN.
 */
@XukeTest
class ProcessWiringTest {

  static final Path PROCESSES = Path.of("processes");
  static final ObjectMapper MAPPER = new ObjectMapper();

  @Autowired ApplicationContext context;
  @Autowired LicenceRequirements requirements;

  @Test
  void everyDelegateIsABeanAndEveryCandidateGroupExists() throws IOException {
    for (BpmnModelInstance model : diagrams()) {
      for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
        String expression = task.getCamundaDelegateExpression();
        assertThat(expression).as(task.getId()).matches("\\$\\{[a-zA-Z]+}");
        assertThat(context.containsBean(expression.substring(2, expression.length() - 1)))
            .as(task.getId() + " → " + expression).isTrue();
      }
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaAssignee() != null) {
          // a drawn expert's own task: assigned by the process, to nobody else
          assertThat(task.getCamundaAssignee()).as(task.getId()).isEqualTo("${" + ExpertReviewProcess.Variables.EXPERT.name() + "}");
          continue;
        }
        assertThat(task.getCamundaCandidateGroupsList()).as(task.getId()).isNotEmpty()
            .allSatisfy(group -> assertThat(StaffGroup.byId(group)).as(group).isPresent());
      }
    }
  }

  @Test
  void everyElementIsDrawnNamedAndKeptForAWhile() throws IOException {
    for (BpmnModelInstance model : diagrams()) {
      Set<String> drawn = new HashSet<>();
      model.getModelElementsByType(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.getModelElementsByType(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(drawn).as("shape of " + node.getId()).contains(node.getId());
        assertThat(node.getId()).doesNotMatch("(Activity|Gateway|Event|Flow)_[0-9a-z]{7}");
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        assertThat(drawn).as("edge of " + flow.getId()).contains(flow.getId());
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyElementIdTheCodeNamesIsInTheDiagram() throws IllegalAccessException {
    assertElementsExist("licence-application.bpmn", LicenceApplicationProcess.Elements.class);
    assertElementsExist("case-clock.bpmn", CaseClockProcess.Elements.class);
    assertElementsExist("clock-extension.bpmn", ClockExtensionProcess.Elements.class);
    assertElementsExist("expert-review.bpmn", ExpertReviewProcess.Elements.class);
  }

  private static void assertElementsExist(String file, Class<?> elements) throws IllegalAccessException {
    BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(file).toFile());
    for (Field field : elements.getFields()) {
      String id = (String) field.get(null);
      assertThat((BaseElement) model.getModelElementById(id)).as(file + " " + field.getName()).isNotNull();
    }
  }

  @Test
  void formsExistAndUseOnlyTheProcessVariables() throws IOException {
    Set<String> variableNames = new HashSet<>();
    LicenceApplicationProcess.Variables.ALL.forEach(variable -> variableNames.add(variable.name()));
    CaseClockProcess.Variables.ALL.forEach(variable -> variableNames.add(variable.name()));
    ClockExtensionProcess.Variables.ALL.forEach(variable -> variableNames.add(variable.name()));
    ExpertReviewProcess.Variables.ALL.forEach(variable -> variableNames.add(variable.name()));
    // the rows of the dynamic lists: their fields are the components of the row records
    Map<String, Set<String>> rowFields = Map.of(
        LicenceApplicationProcess.Variables.MATERIAL_REVIEW.name(), recordComponents(MaterialForms.ReviewRow.class),
        LicenceApplicationProcess.Variables.SUPPLY_REVIEW.name(), recordComponents(MaterialForms.SupplyRow.class),
        ExpertReviewProcess.Variables.PRE_REVIEW_FINDINGS.name(), recordComponents(ExpertReviews.FindingRow.class),
        LicenceApplicationProcess.Variables.INSPECTION_PARTICIPANTS.name(),
        recordComponents(InspectionForms.ParticipantRow.class),
        LicenceApplicationProcess.Variables.INSPECTION_CHECKS.name(), recordComponents(InspectionForms.CheckRow.class));
    Set<String> formIds = new HashSet<>();
    for (JsonNode form : forms()) {
      formIds.add(form.path("id").asText());
      for (JsonNode list : components(form)) {
        if ("dynamiclist".equals(list.path("type").asText())) {
          assertThat(rowFields).as(form.path("id") + " list").containsKey(list.path("path").asText());
          for (JsonNode field : components(list)) {
            assertThat(rowFields.get(list.path("path").asText())).as(form.path("id") + " list field")
                .contains(field.path("key").asText());
          }
        }
      }
      for (JsonNode component : components(form).stream()
          .filter(component -> !"dynamiclist".equals(component.path("type").asText()))
          .filter(component -> !isInList(form, component)).toList()) {
        if (component.has("key")) {
          assertThat(variableNames).as(form.path("id") + " field").contains(component.path("key").asText());
        }
        if (component.has("valuesKey")) {
          assertThat(variableNames).contains(component.path("valuesKey").asText());
        }
      }
    }
    List<String> referenced = new ArrayList<>();
    for (BpmnModelInstance model : diagrams()) {
      model.getModelElementsByType(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .filter(event -> event.getCamundaFormRef() != null)
          .forEach(event -> referenced.add(event.getCamundaFormRef()));
    }
    assertThat(referenced).doesNotContainNull().allSatisfy(ref -> assertThat(formIds).contains(ref));
    assertThat(formIds).as("no form without a task").containsExactlyInAnyOrderElementsOf(new HashSet<>(referenced));
    assertThat(declaredVariables(LicenceApplicationProcess.Variables.class))
        .containsExactlyInAnyOrderElementsOf(LicenceApplicationProcess.Variables.ALL);
    assertThat(declaredVariables(CaseClockProcess.Variables.class))
        .containsExactlyInAnyOrderElementsOf(CaseClockProcess.Variables.ALL);
    assertThat(declaredVariables(ClockExtensionProcess.Variables.class))
        .containsExactlyInAnyOrderElementsOf(ClockExtensionProcess.Variables.ALL);
  }

  @Test
  void startFormOffersExactlyTheTypesAndMaterialsOfTheDecision() throws IOException {
    JsonNode intake = forms().stream()
        .filter(form -> form.path("id").asText().equals("Form_ApplicationIntake")).findFirst().orElseThrow();
    Set<String> types = new HashSet<>();
    Set<String> materials = new HashSet<>();
    for (JsonNode component : components(intake)) {
      String key = component.path("key").asText();
      component.path("values").forEach(value -> {
        if (key.equals(LicenceApplicationProcess.Variables.LICENCE_TYPE.name())) {
          types.add(value.path("value").asText());
        } else if (key.equals(LicenceApplicationProcess.Variables.SUBMITTED_MATERIALS.name())) {
          materials.add(value.path("value").asText());
        }
      });
    }
    assertThat(types).containsExactlyInAnyOrderElementsOf(
        requirements.licenceTypes().stream().map(LicenceTypeRule::code).toList());
    assertThat(materials).containsExactlyInAnyOrderElementsOf(requirements.materialCatalogue().keySet());
  }

  private static List<ProcessVariable<?>> declaredVariables(Class<?> variables) {
    List<ProcessVariable<?>> declared = new ArrayList<>();
    for (Field field : variables.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class) {
        try {
          declared.add((ProcessVariable<?>) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return declared;
  }

  static List<BpmnModelInstance> diagrams() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      List<BpmnModelInstance> models = files.filter(file -> file.toString().endsWith(".bpmn"))
          .map(file -> Bpmn.readModelFromFile(file.toFile())).toList();
      assertThat(models).isNotEmpty();
      return models;
    }
  }

  static List<JsonNode> forms() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      List<JsonNode> forms = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        forms.add(MAPPER.readTree(file.toFile()));
      }
      return forms;
    }
  }

  private static Set<String> recordComponents(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
  }

  private static boolean isInList(JsonNode form, JsonNode component) {
    return components(form).stream().filter(list -> "dynamiclist".equals(list.path("type").asText()))
        .anyMatch(list -> components(list).contains(component));
  }

  static List<JsonNode> components(JsonNode container) {
    List<JsonNode> all = new ArrayList<>();
    container.path("components").forEach(component -> {
      all.add(component);
      all.addAll(components(component));
    });
    return all;
  }
}
