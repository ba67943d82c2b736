package io.github.xuke.notice;

import static io.github.xuke.notice.A4Pages.BODY_SIZE;
import static io.github.xuke.notice.A4Pages.MARGIN;
import static io.github.xuke.notice.A4Pages.TITLE_SIZE;

import io.github.xuke.system.XukeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The bureau's documents as printable A4 PDFs, the Chinese text embedded in a subset of 文泉驿微米黑
 * (bundled, Apache-2.0), so they print the same on every machine: the notices of a case (title, number,
 * the template's text, then the issuer over the seal area and the date — or, for the applicant's own
 * pledge, no seal of the bureau), the licence certificate with its QR code, the case file index
 * (卷内目录) and the enterprise's account letter (开户通知书). Dates are written as official documents
 * write them (GB/T 9704: 2026年3月5日, no padding zeros).
 */
@Component
public class NoticePdf {

  static final String FONT = "fonts/wqy-microhei.ttc";
  private final A4Pages pages;
  private final ZoneId zone;

  public NoticePdf(XukeProperties properties) {
    try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
      this.pages = new A4Pages(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FONT, e);
    }
    this.zone = properties.timeZone();
  }

  /** A date as Chinese official documents write it: 2026年3月5日. */
  public static String officialDate(LocalDate date) {
    return date == null ? "" : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** An unsigned print of a notice: the bureau's seal area, except on the applicant's own pledge. */
  public byte[] render(CaseNotice notice, String issuer) {
    boolean bureauSeals = notice.kind() != CaseNotice.NoticeKind.TOLERANCE_PLEDGE;
    return document(notice.content(), notice.noticeNumber(), bureauSeals ? issuer : null,
        notice.issuedAt(), notice.signedAt() != null);
  }

  /**
   * Prints a text whose first line is its title, with its number under the title, then each line as
   * a paragraph; with an issuer, the issuer's name over the seal area and the date at the foot.
   */
  private byte[] document(String text, String number, String issuer, OffsetDateTime issuedAt, boolean signed) {
    return pages.write(writer -> {
      String[] lines = text.split("\n");
      writer.centered(lines[0], TITLE_SIZE);
      if (number != null) {
        writer.centered(number, BODY_SIZE);
      }
      writer.gap();
      for (int i = 1; i < lines.length; i++) {
        writer.paragraph(lines[i], BODY_SIZE);
      }
      if (issuer != null) {
        writer.gap();
        writer.gap();
        writer.seal(issuer, officialDate(issuedAt.atZoneSameInstant(zone).toLocalDate()),
            signed ? "（电子签章）" : "（印章）");
      }
    }, lines(text)[0]);
  }

  private static String[] lines(String text) {
    return text.split("\n");
  }

  /** What a licence certificate prints: its title (the type's name), number and particulars in order. */
  public record Certificate(String title, String number, Map<String, String> particulars, String issuer,
      LocalDate issueDate, String verificationUrl, String footnote) {}

  /**
   * A licence certificate (许可证): a framed A4 page with the type's name, the number, every
   * particular in the order given, the issuing bureau over the seal area with the issue date, and a QR
   * code that opens the public verification page.
   */
  public byte[] certificate(Certificate certificate) {
    return pages.write(writer -> {
      writer.frame();
      writer.skip(30);
      writer.centered(certificate.title(), 26);
      writer.gap();
      writer.centered("证书编号：" + certificate.number(), BODY_SIZE);
      writer.gap();
      writer.gap();
      float labels = 0;
      for (String label : certificate.particulars().keySet()) {
        // one character more than the longest label: a label's full-width colon prints wider than measured
        labels = Math.max(labels, writer.textWidth(label + "：", 14) + 14);
      }
      for (Map.Entry<String, String> particular : certificate.particulars().entrySet()) {
        writer.field(particular.getKey(), particular.getValue(), 14, labels);
      }
      writer.gap();
      float qrTop = writer.y();
      writer.seal(certificate.issuer(), officialDate(certificate.issueDate()), "（印章）");
      writer.qr(certificate.verificationUrl(), MARGIN + 20, qrTop - 8, 100);
      writer.text("扫码核验真伪", MARGIN + 26, qrTop - 122, 9);
      if (certificate.footnote() != null) {
        writer.text(certificate.footnote(), MARGIN + 20, MARGIN + 24, 9);
      }
    }, certificate.title());
  }

  /** One entry of a case file index: its document, number (文号), date and pages where known. */
  public record IndexEntry(String name, String number, LocalDate date, Integer pages) {}

  /** 卷内目录: the case's documents in order, as a table (序号, 文件名称, 文号, 日期, 页数). */
  public byte[] fileIndex(String caseNumber, String enterpriseName, String licenceTypeName, String issuer,
      List<IndexEntry> entries) {
    return pages.write(writer -> {
      writer.centered("卷内目录", TITLE_SIZE);
      writer.gap();
      writer.paragraph("案卷：" + caseNumber + "　" + enterpriseName, 11);
      writer.paragraph("事项：" + licenceTypeName + "　立卷单位：" + issuer, 11);
      writer.gap();
      float[] widths = {30, 160, 160, 66, 35};
      writer.row(widths, new String[] {"序号", "文件名称", "文号", "日期", "页数"}, 9.5f, true);
      int n = 1;
      for (IndexEntry entry : entries) {
        writer.row(widths, new String[] {String.valueOf(n++), entry.name(),
            entry.number() == null ? "—" : entry.number(), entry.date() == null ? "—" : entry.date().toString(),
            entry.pages() == null ? "—" : String.valueOf(entry.pages())}, 9.5f, false);
      }
      writer.gap();
      writer.paragraph("共 " + entries.size() + " 件。", 11);
    }, "卷内目录 " + caseNumber);
  }

  /**
   * 开户通知书: the enterprise's portal account, handed over at the window or posted — the enterprise,
   * its user name, the initial password, the portal's address and the instruction to change the
   * password at the first login. Rendered from what the caller passes; nothing is stored.
   */
  public byte[] accountLetter(String enterpriseName, String creditCode, String userName, String initialPassword,
      String portalUrl) {
    return accountLetter(enterpriseName, creditCode, userName, initialPassword, portalUrl, null);
  }

  byte[] accountLetter(String enterpriseName, String creditCode, String userName, String initialPassword,
      String portalUrl, OffsetDateTime at) {
    OffsetDateTime now = at == null ? OffsetDateTime.now(zone) : at;
    return pages.write(writer -> {
      writer.centered("企业服务平台开户通知书", TITLE_SIZE);
      writer.gap();
      writer.paragraph(enterpriseName + "：", BODY_SIZE);
      writer.paragraph("　　本局已为你单位开通企业服务平台账户，可在网上查询办理进度、补交材料、打印文书。账户信息如下：", BODY_SIZE);
      float labels = writer.textWidth("统一社会信用代码：", BODY_SIZE);
      writer.field("企业名称", enterpriseName, BODY_SIZE, labels);
      writer.field("统一社会信用代码", creditCode, BODY_SIZE, labels);
      writer.field("用户名", userName, BODY_SIZE, labels);
      writer.field("初始密码", initialPassword, BODY_SIZE, labels);
      writer.field("平台地址", portalUrl, BODY_SIZE, labels);
      writer.paragraph("　　首次登录后请立即修改密码。初始密码仅用于首次登录，请妥善保管本通知书，不要告知他人；"
          + "本局工作人员不会以任何方式向你索要密码。如遗失密码，请持营业执照到窗口重置。", BODY_SIZE);
      writer.gap();
      writer.paragraph("领取人（签字）：______________　　日期：______年____月____日", BODY_SIZE);
    }, "企业服务平台开户通知书");
  }

  /** The number of pages of a PDF, or empty when it cannot be read as one. */
  public static java.util.Optional<Integer> pages(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return java.util.Optional.of(document.getNumberOfPages());
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

}
