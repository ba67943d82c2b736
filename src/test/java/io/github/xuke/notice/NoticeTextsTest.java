package io.github.xuke.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notice templates, rendered without Spring: the wording the enterprise reads, line by line. */
class NoticeTextsTest {

  final NoticeTexts texts = new NoticeTexts();

  @Test
  void theCorrectionNoticeListsEveryItemOnItsOwnLineAndTheRemarkLast() {
    Map<String, Object> values = new HashMap<>();
    values.put("caseNumber", "XK-2026-000001");
    values.put("items", List.of(Map.of("name", "安全评价报告", "state", "缺失", "key", true),
        Map.of("name", "从业人员培训证明", "state", "不合格：复印件不清晰", "key", false)));
    values.put("remark", "请于工作日到窗口提交");

    assertThat(texts.render(CaseNotice.NoticeKind.CORRECTION, values)).isEqualTo("""
        补正材料通知书
        案件编号：XK-2026-000001
        经审查，您的申请材料不齐全或不符合法定形式。请一次性补正下列材料：
        - 安全评价报告（缺失；关键材料）
        - 从业人员培训证明（不合格：复印件不清晰；可容缺，受理后补交）
        说明：请于工作日到窗口提交""");
    values.put("remark", null);
    assertThat(texts.render(CaseNotice.NoticeKind.CORRECTION, values)).endsWith("受理后补交）");
  }

  @Test
  void aValueIsPrintedAsItIsNeverEvaluated() {
    String reason = "[(${T(java.lang.Runtime).getRuntime()})] ${7*7} [[${caseNumber}]] <b>";
    assertThat(texts.render(CaseNotice.NoticeKind.WITHDRAWAL, Map.of("caseNumber", "XK-2026-000002", "reason", reason)))
        .isEqualTo("退办通知书\n案件编号：XK-2026-000002\n理由：" + reason + "\n申请人可在补齐材料后重新申请。");
  }

  @Test
  void everyKindHasItsTemplate() {
    List<CaseNotice.NoticeKind> worded = Arrays.asList(CaseNotice.NoticeKind.values());
    Map<String, Object> values = Map.of("caseNumber", "XK-2026-000003", "items", List.of(), "reason", "理由",
        "acceptedOn", "2026-03-02", "committedDays", 5, "supplyDue", "2026-03-16", "confirmedBy", "clerk",
        "findings", "消防通道堵塞");
    for (CaseNotice.NoticeKind kind : worded) {
      assertThat(texts.render(kind, values)).as(kind.name()).contains("案件编号：XK-2026-000003").doesNotContain("[(", "[#");
    }
  }
}
