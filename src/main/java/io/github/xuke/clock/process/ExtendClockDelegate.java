package io.github.xuke.clock.process;

import io.github.xuke.clock.ClockKind;
import io.github.xuke.clock.CaseClocks;
import static io.github.xuke.clock.process.ClockExtensionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code Task_ExtendClock} (延长期限) of {@code ClockExtension}: the approved extension. */
@Component
public class ExtendClockDelegate implements JavaDelegate {

  private final CaseClocks clocks;

  public ExtendClockDelegate(CaseClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    clocks.approveExtension(APPLICATION_ID.get(execution), ClockKind.valueOf(CLOCK_KIND.get(execution)),
        EXTENSION_DAYS.get(execution), EXTENSION_REASON.get(execution), EXTENSION_COMMENT.get(execution));
  }
}
