package io.github.xuke.clock;

import io.github.xuke.application.Cases;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.core.InvalidApplicationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Requests to extend a clock (process {@code ClockExtension}), checked before the deputy director sees them. */
@Service
@Transactional(readOnly = true)
public class ExtensionRequests {

  private final CaseClocks clocks;
  private final ClockRules rules;
  private final Cases cases;

  ExtensionRequests(CaseClocks clocks, ClockRules rules, Cases cases) {
    this.clocks = clocks;
    this.rules = rules;
    this.cases = cases;
  }

  /** A checked request to extend a clock, with what the approver needs to see. */
  public record ExtensionRequest(long applicationId, String caseNumber, String enterpriseName,
      String licenceTypeName, String clockLabel, String dueText) {}

  /** Checks a request to extend a clock; a bad request is refused in Chinese, naming the field. */
  public ExtensionRequest check(String caseNumber, String kind, Integer days, String reason) {
    LicenceApplication application = cases.findByCaseNumber(caseNumber == null ? "" : caseNumber.strip())
        .orElseThrow(() -> new InvalidApplicationException(ClockFields.CASE_NUMBER,
            "未找到案件编号“" + caseNumber + "”"));
    ClockKind clockKind;
    try {
      clockKind = ClockKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidApplicationException(ClockFields.KIND, "请选择要延长的期限");
    }
    CaseClock found = clocks.find(application.id(), clockKind).filter(c -> c.state().open())
        .orElseThrow(() -> new InvalidApplicationException(ClockFields.KIND,
            "案件 " + caseNumber + " 没有正在计时的“" + clockKind.label() + "”"));
    if (days == null || days < 1 || days > ClockRules.MAX_EXTENSION) {
      throw new InvalidApplicationException(ClockFields.DAYS,
          "延长天数应在 1 到 " + ClockRules.MAX_EXTENSION + " 之间");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidApplicationException(ClockFields.REASON, "必须说明延长理由");
    }
    if (reason.strip().length() > ClockRules.MAX_REASON) {
      throw new InvalidApplicationException(ClockFields.REASON,
          "延长理由不能超过 " + ClockRules.MAX_REASON + " 个字");
    }
    return new ExtensionRequest(application.id(), application.caseNumber(), application.enterpriseName(),
        application.typeName(),
        clockKind.label(), rules.dueText(found));
  }
}
