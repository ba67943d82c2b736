package io.github.xuke.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.system.XukeProperties;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Every notice kind, the certificate, the case file index and the account letter as PDF, read back
 * with PDFBox: the particulars an official document needs are on the page (addressee, number, facts,
 * legal basis, what to do and by when, the appeal where the law gives one, the date, the seal area).
 * Each rendering is also written to {@code target/official-documents/} for a look (pdftoppm).
 */
public class OfficialNoticesTest {

  static final XukeProperties PROPERTIES = new XukeProperties(Path.of("data"), ZoneId.of("Asia/Shanghai"), null,
      false, 10, null, 1, 3);
  static final OffsetDateTime ISSUED = OffsetDateTime.parse("2026-03-03T02:00:00Z");

  final NoticeTexts texts = new NoticeTexts();
  final NoticePdf pdf = new NoticePdf(PROPERTIES);

  /** What each kind must print besides the common particulars. */
  static final Map<NoticeKind, List<String>> PARTICULARS = new EnumMap<>(Map.of(
      NoticeKind.ACCEPTANCE, List.of("受理通知书", "《中华人民共和国行政许可法》第三十二条第一款第（五）项", "5个工作日内",
          "法定期限为30 日", "第四十五条", "自2026年3月2日起受理"),
      NoticeKind.CORRECTION, List.of("补正材料通知书", "第三十二条第一款第（四）项", "一次告知", "安全评价报告", "一次补齐全部材料"),
      NoticeKind.NON_ACCEPTANCE, List.of("不予受理决定书", "储存场所与批准文件不符", "第三十二条", "六十日内", "市人民政府",
          "申请行政复议", "六个月内", "提起行政诉讼"),
      NoticeKind.ONE_TIME, List.of("一次性告知书", "特种作业人员操作证", "请于2026年3月16日前补交", "网上提交", "邮寄"),
      NoticeKind.SUPPLY_REMINDER, List.of("补交材料提醒", "2026年3月16日", "特种作业人员操作证"),
      NoticeKind.APPROVAL, List.of("准予行政许可决定书", "第三十八条第一款", "第三十九条", "《危险化学品安全管理条例》第三十三条",
          "许可证名称：危险化学品经营许可证（带储存设施）", "证书编号：市应急危化经字〔2026〕000001", "持证单位：上海安泰化工有限公司",
          "许可范围：汽油、柴油、甲醇", "经营方式：批发（带储存）", "有效期：2026年3月3日至2029年3月2日", "延续申请",
          "窗口首席代表赵首席于2026年3月3日批准"),
      NoticeKind.REFUSAL, List.of("不予行政许可决定书", "储存设施安全距离不符合国家标准", "第三十八条第二款", "六十日内",
          "申请行政复议", "六个月内", "提起行政诉讼"),
      NoticeKind.WITHDRAWAL, List.of("退办通知书", "逾期未补交", "重新提出申请"),
      NoticeKind.RECTIFICATION, List.of("现场核查整改通知书", "第三十四条第三款", "消防通道堵塞", "整改材料"),
      NoticeKind.TOLERANCE_PLEDGE, List.of("容缺受理承诺书", "市应急管理局：", "本企业承诺", "于2026年3月16日前补齐下列材料",
          "特种作业人员操作证", "承诺人（企业盖章）：上海安泰化工有限公司", "法定代表人或授权委托人（签字）", "日期：")));

  static Map<String, Object> values(NoticeKind kind) {
    Map<String, Object> values = NoticeTextsTest.caseValues();
    values.put("items", List.of(Map.of("name", kind == NoticeKind.CORRECTION ? "安全评价报告" : "特种作业人员操作证",
        "state", "未提交", "key", kind == NoticeKind.CORRECTION)));
    values.put("reason", kind == NoticeKind.NON_ACCEPTANCE ? "储存场所与批准文件不符"
        : kind == NoticeKind.WITHDRAWAL ? "逾期未补交容缺材料" : "储存设施安全距离不符合国家标准");
    values.put("committedDays", 5);
    values.put("statutoryLimit", "30 日");
    values.put("supplyDue", LocalDate.of(2026, 3, 16));
    values.put("findings", "消防通道堵塞");
    values.put("licenceNumber", "市应急危化经字〔2026〕000001");
    values.put("creditCode", "91310000000000001X");
    values.put("licenceScope", "汽油、柴油、甲醇");
    values.put("businessMode", "批发（带储存）");
    values.put("validity", "2026年3月3日至2029年3月2日");
    values.put("decidedBy", "赵首席");
    values.put("decidedOn", LocalDate.of(2026, 3, 3));
    values.put("reviewAuthority", PROPERTIES.licence().reviewAuthority());
    values.put("court", PROPERTIES.licence().court());
    return values;
  }

  @Test
  void everyNoticeIsAnOfficialDocument() throws IOException {
    assertThat(PARTICULARS.keySet()).containsExactlyInAnyOrder(NoticeKind.values());
    for (NoticeKind kind : NoticeKind.values()) {
      CaseNotice notice = new CaseNotice(1, 7, kind, "市应急许" + kind.abbreviation() + "字〔2026〕000001号", ISSUED,
          "clerk", texts.render(kind, values(kind)));
      byte[] printed = pdf.render(notice, "市应急管理局");
      String text = normalized(text(printed));
      save(kind.name().toLowerCase() + ".pdf", printed);
      assertThat(text).as(kind.name()).contains(PARTICULARS.get(kind).stream().map(OfficialNoticesTest::normalized)
          .toArray(String[]::new));
      assertThat(text).as(kind.name() + ": number and case").contains(notice.noticeNumber(), "XK-2026-000001");
      if (kind == NoticeKind.TOLERANCE_PLEDGE) {
        assertThat(text).as("the applicant's pledge, signed by the applicant: no seal of the bureau, no clerk")
            .doesNotContain("（印章）", "确认", "窗口人员");
      } else {
        assertThat(text).as(kind.name() + ": addressee, issuer over the seal area, date")
            .contains("上海安泰化工有限公司：", "市应急管理局", "（印章）", "2026年3月3日");
      }
      boolean appealable = kind == NoticeKind.NON_ACCEPTANCE || kind == NoticeKind.REFUSAL;
      assertThat(text.contains("行政复议")).as(kind.name() + " names the appeal exactly when the law requires it")
          .isEqualTo(appealable);
    }
  }

  @Test
  void theCertificateNamesEveryParticularAndItsQrCodeOpensTheVerificationPage() throws Exception {
    Map<String, String> particulars = new LinkedHashMap<>();
    particulars.put("企业名称", "上海安泰化工有限公司");
    particulars.put("注册地址", "上海市浦东新区张江路 100 号");
    particulars.put("主要负责人", "李建国");
    particulars.put("经营方式", "批发（带储存）");
    particulars.put("许可范围", "汽油、柴油、甲醇");
    particulars.put("有效期", "2026年3月3日 至 2029年3月2日");
    particulars.put("发证机关", "市应急管理局");
    particulars.put("发证日期", "2026年3月3日");
    particulars.put("证书编号", "市应急危化经字〔2026〕000001");
    String url = "http://localhost:8080/verify/AbCdEfGhIjKlMnOpQrStUvWxYz012345";
    byte[] printed = pdf.certificate(new NoticePdf.Certificate("危险化学品经营许可证（带储存设施）", "市应急危化经字〔2026〕000001",
        particulars, "市应急管理局", LocalDate.of(2026, 3, 3), url, "本证书经窗口首席代表批准签发。"));
    save("certificate.pdf", printed);
    String text = normalized(text(printed));
    for (Map.Entry<String, String> particular : particulars.entrySet()) {
      assertThat(text).contains(normalized(particular.getKey() + "：" + particular.getValue()));
    }
    assertThat(text).contains("危险化学品经营许可证（带储存设施）", "扫码核验真伪", "（印章）");
    assertThat(qrCode(printed)).isEqualTo(url);
  }

  @Test
  void theFileIndexListsTheCaseDocumentsInATable() throws IOException {
    byte[] printed = pdf.fileIndex("XK-2026-000001", "上海安泰化工有限公司", "危险化学品经营许可证（带储存设施）", "市应急管理局",
        List.of(new NoticePdf.IndexEntry("行政许可申请（收件登记）", "XK-2026-000001", LocalDate.of(2026, 3, 2), null),
            new NoticePdf.IndexEntry("受理通知书", "市应急许受字〔2026〕000001号", LocalDate.of(2026, 3, 2), 1),
            new NoticePdf.IndexEntry("准予行政许可决定书（电子签章版）", "市应急许准字〔2026〕000001号", LocalDate.of(2026, 3, 4), 2)));
    save("file-index.pdf", printed);
    String text = normalized(text(printed));
    assertThat(text).contains("卷内目录", "序号", "文件名称", "文号", "日期", "页数", "XK-2026-000001",
        "受理通知书", "市应急许受字〔2026〕000001号", "2026-03-02", "准予行政许可决定书（电子签章版）", "共3件");
  }

  @Test
  void theAccountLetterGivesTheAccountAndAsksToChangeThePassword() throws IOException {
    byte[] printed = pdf.accountLetter("上海安泰化工有限公司", "91310000000000001X", "91310000000000001X",
        "Kx7-pQ2-mZ9", "https://xuke.example.gov.cn/portal/");
    save("account-letter.pdf", printed);
    assertThat(normalized(text(printed))).contains("企业服务平台开户通知书", "上海安泰化工有限公司：",
        "用户名：91310000000000001X", "初始密码：Kx7-pQ2-mZ9", "平台地址：https://xuke.example.gov.cn/portal/",
        "首次登录后请立即修改密码");
  }

  static String text(byte[] printed) throws IOException {
    try (PDDocument document = Loader.loadPDF(printed)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The text without line breaks and spaces (a long line wraps wherever the page ends). */
  static String normalized(String text) {
    return text.replaceAll("[\\s　]", "");
  }

  /** The QR code of the first page, read from the page rendered at 150 dpi. */
  public static String qrCode(byte[] printed) throws Exception {
    try (PDDocument document = Loader.loadPDF(printed)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
      int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
          new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }
  }

  static void save(String name, byte[] printed) throws IOException {
    Path folder = Path.of("target", "official-documents");
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), printed);
  }

  @SuppressWarnings("unused")
  private static void png(BufferedImage image, Path file) throws IOException {
    ImageIO.write(image, "png", file.toFile());
  }
}
