package io.github.xuke.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * {@link ClockKind} is the one statement of which tasks and timers each clock governs; the diagrams
 * name no dates. This keeps the two in step: every element a clock names exists in the diagrams as
 * the kind of element it must be, and no timed task sets a due date of its own.
 */
class ClockKindTest {

  private final Map<String, BaseElement> elements = new HashMap<>();
  private final Map<String, Process> processes = new HashMap<>();

  ClockKindTest() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        model.getModelElementsByType(BaseElement.class).forEach(element -> elements.put(element.getId(), element));
        model.getModelElementsByType(Process.class).forEach(process -> processes.put(process.getId(), process));
      }
    }
  }

  @Test
  void everyTaskAndTimerAClockNamesIsInTheDiagrams() {
    for (ClockKind kind : ClockKind.values()) {
      Stream.of(kind.dueOfTasks(), kind.metByTasks(), kind.pausedDuringTasks()).flatMap(java.util.Set::stream)
          .forEach(id -> assertThat(elements.get(id)).as("%s names user task %s", kind, id).isInstanceOf(UserTask.class));
      kind.warningTimers().forEach(id -> assertThat(elements.get(id)).as("%s names timer %s", kind, id)
          .isInstanceOfSatisfying(BoundaryEvent.class, timer -> assertThat(timer.getEventDefinitions())
              .anyMatch(TimerEventDefinition.class::isInstance)));
      kind.pausedDuringProcesses().forEach(id -> assertThat(processes).as("%s names process %s", kind, id).containsKey(id));
    }
  }

  @Test
  void theTasksAClockTimesTakeTheirDatesFromTheClockOnly() {
    for (ClockKind kind : ClockKind.values()) {
      for (String id : kind.dueOfTasks()) {
        UserTask task = (UserTask) elements.get(id);
        assertThat(task.getCamundaDueDate()).as("%s sets no due date of its own", id).isNull();
        assertThat(task.getCamundaFollowUpDate()).as("%s sets no follow-up date of its own", id).isNull();
      }
    }
  }

  @Test
  void theGatewaysValuesAreTheDecisionsTheDeadlinesKnow() {
    assertThat(SupplyDeadlines.Decision.of(io.github.xuke.clock.process.CaseClockProcess.Values.EXTEND))
        .isEqualTo(SupplyDeadlines.Decision.EXTEND);
    assertThat(SupplyDeadlines.Decision.of(io.github.xuke.clock.process.CaseClockProcess.Values.WITHDRAW))
        .isEqualTo(SupplyDeadlines.Decision.WITHDRAW);
    assertThat(SupplyDeadlines.Decision.of("OTHER")).isNull();
  }
}
