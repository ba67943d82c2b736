package io.github.xuke.clock;

import static io.github.xuke.clock.CaseClockProcess.Variables.*;

import io.github.xuke.application.InvalidApplicationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code Task_ApplySupplyDecision} (执行逾期处理决定) of {@code CaseClock}: the chief
 * representative extends the supply deadline or withdraws the case (退办).
 */
@Component
public class ApplySupplyDecisionDelegate implements JavaDelegate {

  private final CaseClocks clocks;

  public ApplySupplyDecisionDelegate(CaseClocks clocks) {
    this.clocks = clocks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long clockId = CLOCK_ID.get(execution);
    String reason = SUPPLY_DECISION_REASON.get(execution);
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException("supplyDecisionReason", "请说明处理理由");
    }
    if (CaseClockProcess.Values.EXTEND.equals(SUPPLY_DECISION.get(execution))) {
      Integer days = SUPPLY_EXTENSION_DAYS.get(execution);
      if (days == null || days < 1 || days > 60) {
        throw new InvalidApplicationException("supplyExtensionDays", "延长天数应在 1 到 60 之间");
      }
      clocks.extendAfterBreach(clockId, days, reason);
    } else if (CaseClockProcess.Values.WITHDRAW.equals(SUPPLY_DECISION.get(execution))) {
      clocks.withdrawCase(clockId, reason);
    } else {
      throw new InvalidApplicationException("supplyDecision", "请选择处理方式：延长补交期限或退办");
    }
  }
}
