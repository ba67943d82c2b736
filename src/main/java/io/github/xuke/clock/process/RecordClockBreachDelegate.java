package io.github.xuke.clock.process;

import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.CaseClock;
import io.github.xuke.clock.process.CaseClockProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordClockBreach} (登记超期) of {@code CaseClock}. */
@Component
public class RecordClockBreachDelegate implements JavaDelegate {

  private final CaseClocks clocks;

  public RecordClockBreachDelegate(CaseClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseClocks.Breach breach = clocks.breach(CaseClockProcess.Variables.CLOCK_ID.get(execution));
    execution.setVariables(breach.shown());
    CaseClockProcess.Variables.SUPERVISION_DUE_AT.set(execution, breach.supervisionDue());
  }
}
