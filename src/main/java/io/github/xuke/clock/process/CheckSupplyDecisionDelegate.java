package io.github.xuke.clock.process;

import static io.github.xuke.clock.process.CaseClockProcess.Variables.*;

import io.github.xuke.clock.ClockFields;
import java.util.Map;
import io.github.xuke.core.FormFields;
import io.github.xuke.core.ProcessVariable;
import io.github.xuke.clock.SupplyDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_CheckSupplyDecision} (核对逾期处理决定) of {@code CaseClock}: the chief representative's decision is complete, or refused in Chinese before anything changes. */
@Component
public class CheckSupplyDecisionDelegate implements JavaDelegate {

  /** The form's field for each field the service may refuse. */
  private static final Map<String, ProcessVariable<?>> FORM_FIELDS = Map.of(
      ClockFields.DECISION, SUPPLY_DECISION,
      ClockFields.DAYS, SUPPLY_EXTENSION_DAYS,
      ClockFields.REASON, SUPPLY_DECISION_REASON);

  private final SupplyDeadlines deadlines;

  public CheckSupplyDecisionDelegate(SupplyDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormFields.mapped(FORM_FIELDS, () -> deadlines.checkDecision(SupplyDeadlines.Decision.of(SUPPLY_DECISION.get(execution)),
            SUPPLY_EXTENSION_DAYS.get(execution), SUPPLY_DECISION_REASON.get(execution)));
  }
}
