package io.github.xuke.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notice templates, rendered without Spring: the wording the enterprise reads, line by line. */
class NoticeTextsTest {

  final NoticeTexts texts = new NoticeTexts();

  /** What every notice of a case is given (as {@code Cases.noticeValues} gives it). */
  static Map<String, Object> caseValues() {
    Map<String, Object> values = new HashMap<>();
    values.put("issuerName", "市应急管理局");
    values.put("caseNumber", "XK-2026-000001");
    values.put("enterpriseName", "上海安泰化工有限公司");
    values.put("licenceTypeName", "危险化学品经营许可证（带储存设施）");
    values.put("regulation", "《危险化学品安全管理条例》第三十三条、第三十四条、第三十五条");
    values.put("receivedOn", LocalDate.of(2026, 3, 2));
    values.put("acceptedOn", LocalDate.of(2026, 3, 2));
    return values;
  }

  @Test
  void theCorrectionNoticeListsEveryItemOnItsOwnLineAndTheRemarkLast() {
    Map<String, Object> values = caseValues();
    values.put("items", List.of(Map.of("name", "安全评价报告", "state", "缺失", "key", true),
        Map.of("name", "从业人员培训证明", "state", "不合格：复印件不清晰", "key", false)));
    values.put("remark", "请于工作日到窗口提交");

    assertThat(texts.render(CaseNotice.NoticeKind.CORRECTION, values)).startsWith("补正材料通知书\n"
        + "上海安泰化工有限公司：\n"
        + "　　你单位于2026年3月2日提出的危险化学品经营许可证（带储存设施）申请（案件编号：XK-2026-000001），经审查，"
        + "申请材料不齐全或者不符合法定形式。依据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，"
        + "现一次告知你单位需要补正的全部内容：\n"
        + "　　· 安全评价报告（缺失；关键材料，须补正后方可受理）\n"
        + "　　· 从业人员培训证明（不合格：复印件不清晰；可容缺，受理后补交）\n"
        + "　　说明：请于工作日到窗口提交\n");
    values.put("remark", null);
    assertThat(texts.render(CaseNotice.NoticeKind.CORRECTION, values)).doesNotContain("说明：");
  }

  @Test
  void aValueIsPrintedAsItIsNeverEvaluated() {
    String reason = "[(${T(java.lang.Runtime).getRuntime()})] ${7*7} [[${caseNumber}]] <b>";
    Map<String, Object> values = caseValues();
    values.put("reason", reason);
    assertThat(texts.render(CaseNotice.NoticeKind.WITHDRAWAL, values))
        .contains("\n　　" + reason + "\n").doesNotContain("Runtime@", "49");
  }

  @Test
  void everyKindHasItsTemplateNamingTheAddresseeAndTheCase() {
    Map<String, Object> values = caseValues();
    values.putAll(Map.of("items", List.of(), "reason", "理由", "committedDays", 5,
        "supplyDue", LocalDate.of(2026, 3, 16), "findings", "消防通道堵塞", "licenceNumber", "市应急危化经字〔2026〕000001",
        "creditCode", "91310000000000001X", "validity", "2026年3月3日至2029年3月2日", "decidedBy", "赵首席",
        "decidedOn", LocalDate.of(2026, 3, 3)));
    values.putAll(Map.of("reviewAuthority", "市人民政府", "court", "有管辖权的人民法院"));
    for (CaseNotice.NoticeKind kind : CaseNotice.NoticeKind.values()) {
      assertThat(texts.render(kind, values)).as(kind.name())
          .contains("XK-2026-000001", "上海安泰化工有限公司").doesNotContain("[(", "[#", "null", "2026-03");
    }
  }
}
