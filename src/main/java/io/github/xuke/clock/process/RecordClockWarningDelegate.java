package io.github.xuke.clock.process;

import io.github.xuke.clock.CaseClocks;
import io.github.xuke.clock.CaseClock;
import io.github.xuke.clock.process.CaseClockProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_RecordClockWarning} (登记期限预警) of {@code CaseClock}. */
@Component
public class RecordClockWarningDelegate implements JavaDelegate {

  private final CaseClocks clocks;

  public RecordClockWarningDelegate(CaseClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.warn(CaseClockProcess.Variables.CLOCK_ID.get(execution));
  }
}
