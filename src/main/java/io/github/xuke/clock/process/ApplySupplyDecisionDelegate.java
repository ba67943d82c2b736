package io.github.xuke.clock.process;

import io.github.xuke.clock.SupplyDeadlines;
import io.github.xuke.clock.CaseClock;
import static io.github.xuke.clock.process.CaseClockProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ApplySupplyDecision} (执行逾期处理决定) of {@code CaseClock}: the chief
 * representative extends the supply deadline or withdraws the case (退办).
 */
@Component
public class ApplySupplyDecisionDelegate implements JavaDelegate {

  private final SupplyDeadlines deadlines;

  public ApplySupplyDecisionDelegate(SupplyDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.decideOverdueSupply(CLOCK_ID.get(execution), SUPPLY_DECISION.get(execution),
        SUPPLY_EXTENSION_DAYS.get(execution), SUPPLY_DECISION_REASON.get(execution));
  }
}
