package io.github.xuke.notice;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.github.xuke.system.XukeProperties;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
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
  private static final float MARGIN = 72;
  private static final float TITLE_SIZE = 22;
  private static final float BODY_SIZE = 13;
  private static final float LEADING = 1.75f;
  private static final float SEAL_RADIUS = 52;
  private static final String NO_LINE_START = "，。、；：！？）》」』”’〕】,.;:!?)";
  private static final Color SEAL_RED = new Color(200, 30, 30);

  private final byte[] fontFile;
  private final ZoneId zone;

  public NoticePdf(XukeProperties properties) {
    try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
      this.fontFile = in.readAllBytes();
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
    return write(writer -> {
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
    return write(writer -> {
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
    return write(writer -> {
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
    return write(writer -> {
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

  private interface Content {
    void write(Writer writer) throws IOException;
  }

  private byte[] write(Content content, String title) {
    try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
        PDDocument document = new PDDocument()) {
      AtomicReference<TrueTypeFont> first = new AtomicReference<>();
      collection.processAllFonts(font -> first.compareAndSet(null, font));
      PDType0Font font = PDType0Font.load(document, first.get(), true);
      PDDocumentInformation information = new PDDocumentInformation();
      information.setTitle(title);
      information.setCreator("Xuke");
      document.setDocumentInformation(information);
      Writer writer = new Writer(document, font);
      content.write(writer);
      writer.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print " + title, e);
    }
  }

  /** Characters the font lacks become '?', instead of failing the whole document. */
  private static String printable(PDType0Font font, String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(c -> {
      String ch = new String(Character.toChars(c));
      try {
        font.encode(ch);
        out.append(ch);
      } catch (IOException | IllegalArgumentException missing) {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      String ch = new String(Character.toChars(c));
      // a closing punctuation mark never starts a line (避头点): it stays at the end of the line before
      boolean closing = NO_LINE_START.indexOf(c) >= 0;
      if (line.length() > 0 && !closing && font.getStringWidth(line + ch) / 1000 * size > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(ch);
      i += Character.charCount(c);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Writes down A4 pages, starting a new page when one is full. */
  private static final class Writer {
    private final PDDocument document;
    private final PDType0Font font;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument document, PDType0Font font) throws IOException {
      this.document = document;
      this.font = font;
      newPage();
    }

    float width() {
      return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    float y() {
      return y;
    }

    float textWidth(String text, float size) throws IOException {
      return font.getStringWidth(printable(font, text)) / 1000 * size;
    }

    void centered(String text, float size) throws IOException {
      for (String line : wrap(font, printable(font, text), size, width())) {
        write(line, size, (PDRectangle.A4.getWidth() - textWidth(line, size)) / 2);
      }
    }

    void paragraph(String text, float size) throws IOException {
      for (String line : wrap(font, printable(font, text), size, width())) {
        write(line, size, MARGIN);
      }
    }

    /** A label and its value, the value wrapped beside the label. */
    void field(String label, String value, float size) throws IOException {
      field(label, value, size, size * 6);
    }

    /** A label and its value, the values of a list of fields starting at the same column. */
    void field(String label, String value, float size, float labelColumn) throws IOException {
      String head = label + "：";
      float labelWidth = Math.max(textWidth(head, size), labelColumn) + size / 2;
      List<String> lines = wrap(font, printable(font, value == null || value.isBlank() ? "—" : value), size,
          width() - labelWidth - 20);
      for (int i = 0; i < lines.size(); i++) {
        room(size);
        y -= size * LEADING;
        if (i == 0) {
          show(head, size, MARGIN + 20);
        }
        show(lines.get(i), size, MARGIN + 20 + labelWidth);
      }
    }

    /** A table row with its cell borders; each cell's text wrapped inside its width. */
    void row(float[] widths, String[] cells, float size, boolean header) throws IOException {
      List<List<String>> wrapped = new ArrayList<>();
      int height = 1;
      for (int i = 0; i < cells.length; i++) {
        List<String> lines = wrap(font, printable(font, cells[i]), size, widths[i] - 8);
        wrapped.add(lines);
        height = Math.max(height, lines.size());
      }
      float rowHeight = height * size * 1.4f + 8;
      if (y - rowHeight < MARGIN) {
        stream.close();
        newPage();
      }
      float x = MARGIN;
      float top = y;
      for (int i = 0; i < cells.length; i++) {
        stream.addRect(x, top - rowHeight, widths[i], rowHeight);
        for (int line = 0; line < wrapped.get(i).size(); line++) {
          String text = wrapped.get(i).get(line);
          float tx = header ? x + (widths[i] - textWidth(text, size)) / 2 : x + 4;
          show(text, size, tx, top - 4 - size - line * size * 1.4f);
        }
        x += widths[i];
      }
      stream.setLineWidth(0.6f);
      stream.stroke();
      y = top - rowHeight;
    }

    void text(String text, float x, float atY, float size) throws IOException {
      show(printable(font, text), size, x, atY);
    }

    void gap() {
      y -= BODY_SIZE;
    }

    void skip(float points) {
      y -= points;
    }

    /**
     * The issuer's name right-aligned, the date under it, and the seal area: a red circle over the
     * name with its label (where the bureau's seal is pressed, or where the electronic seal applies).
     */
    void seal(String issuer, String date, String label) throws IOException {
      float needed = 2 * BODY_SIZE * LEADING + SEAL_RADIUS;
      if (y - needed < MARGIN) {
        stream.close();
        newPage();
      }
      float right = PDRectangle.A4.getWidth() - MARGIN - 24;
      String name = printable(font, issuer);
      float nameWidth = textWidth(name, BODY_SIZE);
      float dateWidth = textWidth(date, BODY_SIZE);
      float centre = right - Math.max(nameWidth, dateWidth) / 2;
      y -= BODY_SIZE * LEADING;
      show(name, BODY_SIZE, centre - nameWidth / 2);
      float nameY = y;
      y -= BODY_SIZE * LEADING;
      show(date, BODY_SIZE, centre - dateWidth / 2);
      stream.setStrokingColor(SEAL_RED);
      stream.setLineWidth(1.2f);
      circle(centre, nameY + BODY_SIZE / 3, SEAL_RADIUS);
      stream.stroke();
      stream.setNonStrokingColor(SEAL_RED);
      float labelWidth = textWidth(label, 9);
      show(printable(font, label), 9, centre - labelWidth / 2, nameY + BODY_SIZE / 3 + SEAL_RADIUS / 2);
      stream.setNonStrokingColor(Color.BLACK);
      stream.setStrokingColor(Color.BLACK);
      y -= SEAL_RADIUS / 2;
    }

    /** A QR code of the text, drawn as squares (sharp at any print size), its top left corner at x, top. */
    void qr(String text, float x, float top, float size) throws IOException {
      BitMatrix matrix;
      try {
        matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, "UTF-8"));
      } catch (WriterException e) {
        throw new IOException("cannot encode the QR code of " + text, e);
      }
      float module = size / matrix.getWidth();
      for (int row = 0; row < matrix.getHeight(); row++) {
        for (int column = 0; column < matrix.getWidth(); column++) {
          if (matrix.get(column, row)) {
            stream.addRect(x + column * module, top - (row + 1) * module, module, module);
          }
        }
      }
      stream.fill();
    }

    /** A double frame around the page (a certificate's border). */
    void frame() throws IOException {
      float inset = 36;
      PDRectangle page = PDRectangle.A4;
      stream.setStrokingColor(SEAL_RED);
      stream.setLineWidth(2.5f);
      stream.addRect(inset, inset, page.getWidth() - 2 * inset, page.getHeight() - 2 * inset);
      stream.stroke();
      stream.setLineWidth(0.8f);
      stream.addRect(inset + 6, inset + 6, page.getWidth() - 2 * inset - 12, page.getHeight() - 2 * inset - 12);
      stream.stroke();
      stream.setStrokingColor(Color.BLACK);
    }

    private void circle(float cx, float cy, float r) throws IOException {
      float k = 0.5523f * r;
      stream.moveTo(cx + r, cy);
      stream.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
      stream.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
      stream.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
      stream.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
      stream.closePath();
    }

    private void room(float size) throws IOException {
      if (y - size * LEADING < MARGIN) {
        stream.close();
        newPage();
      }
    }

    private void write(String text, float size, float x) throws IOException {
      room(size);
      y -= size * LEADING;
      show(text, size, x);
    }

    private void show(String text, float size, float x) throws IOException {
      show(text, size, x, y);
    }

    private void show(String text, float size, float x, float atY) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, atY);
      stream.showText(text);
      stream.endText();
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
