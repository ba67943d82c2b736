package io.github.xuke.notice;

import io.github.xuke.notice.CaseNotice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A notice of a case as a printable A4 PDF, with its number and the Chinese text embedded in a
 * subset of 文泉驿微米黑 (bundled, Apache-2.0), so it prints the same on every machine.
 */
@Component
public class NoticePdf {

  static final String FONT = "fonts/wqy-microhei.ttc";
  private static final float MARGIN = 64;
  private static final float TITLE_SIZE = 20;
  private static final float BODY_SIZE = 12;
  private static final float LEADING = 1.6f;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final byte[] fontFile;
  private final ZoneId zone;

  public NoticePdf(io.github.xuke.system.XukeProperties properties) {
    try (InputStream in = new ClassPathResource(FONT).getInputStream()) {
      this.fontFile = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FONT, e);
    }
    this.zone = properties.timeZone();
  }

  public byte[] render(CaseNotice notice, String issuer) {
    return print(notice.content(), notice.noticeNumber(), issuer, notice.issuedAt(), notice.id());
  }

  /**
   * Prints a text whose first line is its title, with its number under the title and the issuer
   * and date at the foot.
   */
  public byte[] print(String text, String number, String issuer, java.time.OffsetDateTime issuedAt, long id) {
    try (TrueTypeCollection collection = new TrueTypeCollection(new java.io.ByteArrayInputStream(fontFile));
        PDDocument document = new PDDocument()) {
      AtomicReference<TrueTypeFont> first = new AtomicReference<>();
      collection.processAllFonts(font -> first.compareAndSet(null, font));
      PDType0Font font = PDType0Font.load(document, first.get(), true);
      String[] lines = text.split("\n");
      Writer writer = new Writer(document, font);
      writer.centered(printable(font, lines[0]), TITLE_SIZE);
      if (number != null) {
        writer.right(printable(font, number), BODY_SIZE);
      }
      writer.gap();
      for (int i = 1; i < lines.length; i++) {
        for (String wrapped : wrap(font, printable(font, lines[i]), BODY_SIZE, writer.width())) {
          writer.left(wrapped, BODY_SIZE);
        }
      }
      writer.gap();
      writer.gap();
      writer.right(printable(font, issuer), BODY_SIZE);
      writer.right(issuedAt.atZoneSameInstant(zone).format(DATE), BODY_SIZE);
      writer.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot print document " + id, e);
    }
  }

  /** Characters the font lacks become '?', instead of failing the whole notice. */
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
      if (line.length() > 0 && font.getStringWidth(line + ch) / 1000 * size > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(ch);
      i += Character.charCount(c);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Writes lines down A4 pages, starting a new page when one is full. */
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

    void centered(String text, float size) throws IOException {
      float textWidth = font.getStringWidth(text) / 1000 * size;
      write(text, size, (PDRectangle.A4.getWidth() - textWidth) / 2);
    }

    void right(String text, float size) throws IOException {
      write(text, size, PDRectangle.A4.getWidth() - MARGIN - font.getStringWidth(text) / 1000 * size);
    }

    void left(String text, float size) throws IOException {
      write(text, size, MARGIN);
    }

    void gap() {
      y -= BODY_SIZE;
    }

    private void write(String text, float size, float x) throws IOException {
      if (y - size * LEADING < MARGIN) {
        stream.close();
        newPage();
      }
      y -= size * LEADING;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y);
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
