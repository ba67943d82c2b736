package io.github.xuke.clock.process;

import static io.github.xuke.clock.process.CaseClockProcess.Variables.*;

import io.github.xuke.clock.SupplyDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_ExtendSupplyDeadline} (延长补交期限) of {@code CaseClock}: the supply deadline runs again with the extra working days. */
@Component
public class ExtendSupplyDeadlineDelegate implements JavaDelegate {

  private final SupplyDeadlines deadlines;

  public ExtendSupplyDeadlineDelegate(SupplyDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.extend(CLOCK_ID.get(execution), SUPPLY_EXTENSION_DAYS.get(execution),
        SUPPLY_DECISION_REASON.get(execution));
  }
}
