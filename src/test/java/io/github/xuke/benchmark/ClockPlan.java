package io.github.xuke.benchmark;

import io.github.xuke.clock.process.CaseClockProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;

/**
 * When a Xuke case starts and stops its {@code CaseClock} instances (Xuke starts them from Java
 * code, not from the diagram), so that the bare engine starts and stops as many in the same steps: per
 * step (0 is the case's start, {@code k} its k-th user task completion) how many clock instances
 * began and how many ended, read from the history after each step of one Xuke case
 * ({@link Recorder}).
 */
record ClockPlan(List<Step> steps) {

  /** The clock instances started and stopped in one step's transaction. */
  record Step(int started, int stopped) {}

  /** Clocks started in this step. */
  int startedAt(int step) {
    return step < steps.size() ? steps.get(step).started() : 0;
  }

  /** Clocks stopped in this step (the oldest running ones, in the bare engine). */
  int stoppedAt(int step) {
    return step < steps.size() ? steps.get(step).stopped() : 0;
  }

  int instances() {
    return steps.stream().mapToInt(Step::started).sum();
  }

  /** E.g. "6 instances; started per step [1, 4, 0, …], stopped per step [0, 1, 0, …]". */
  String describe() {
    return instances() + " instances per case; started per step " + steps.stream().map(Step::started).toList()
        + ", stopped per step " + steps.stream().map(Step::stopped).toList();
  }

  /** Reads the case's clock instances from the history after each of its steps. */
  static final class Recorder {

    private final HistoryService history;
    private final Supplier<List<String>> watchKeys;
    private final List<Step> steps = new ArrayList<>();
    private long started;
    private long stopped;

    /** {@code watchKeys}: the business keys of the case's clock watches so far ({@code clock-<id>}). */
    Recorder(HistoryService history, Supplier<List<String>> watchKeys) {
      this.history = history;
      this.watchKeys = watchKeys;
    }

    /** Called after each step, the case's start included. */
    void stepDone() {
      long nowStarted = clocks().count();
      long nowStopped = clocks().finished().count();
      steps.add(new Step((int) (nowStarted - started), (int) (nowStopped - stopped)));
      started = nowStarted;
      stopped = nowStopped;
    }

    ClockPlan plan() {
      return new ClockPlan(List.copyOf(steps));
    }

    private HistoricProcessInstanceQuery clocks() {
      List<String> keys = watchKeys.get();
      return history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseClockProcess.PROCESS_ID)
          .processInstanceBusinessKeyIn(keys.isEmpty() ? new String[] {"none"} : keys.toArray(String[]::new));
    }
  }
}
