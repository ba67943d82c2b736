package io.github.xuke.clock.process;

import static io.github.xuke.clock.process.CaseClockProcess.Variables.*;

import io.github.xuke.clock.SupplyDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code EndEvent_CaseWithdrawn} (案件已退办) of {@code CaseClock}: message end event: the case is withdrawn (退办) and takes its withdrawal path. */
@Component
public class WithdrawCaseDelegate implements JavaDelegate {

  private final SupplyDeadlines deadlines;

  public WithdrawCaseDelegate(SupplyDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.withdraw(CLOCK_ID.get(execution), SUPPLY_DECISION_REASON.get(execution));
  }
}
