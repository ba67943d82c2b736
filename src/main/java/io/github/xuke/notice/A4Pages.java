package io.github.xuke.notice;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The drawing under every document of {@link NoticePdf}: A4 pages in the bundled font, text that
 * wraps the Chinese way (no closing mark starts a line), the seal area, new pages as they fill.
 */
final class A4Pages {

  static final float MARGIN = 72;
  static final float TITLE_SIZE = 22;
  static final float BODY_SIZE = 13;
  static final float LEADING = 1.75f;
  static final float SEAL_RADIUS = 52;
  static final String NO_LINE_START = "，。、；：！？）》」』”’〕】,.;:!?)";
  static final Color SEAL_RED = new Color(200, 30, 30);

  private final byte[] fontFile;

  A4Pages(byte[] fontFile) {
    this.fontFile = fontFile;
  }

  interface Content {
    void write(PageWriter writer) throws IOException;
  }

  byte[] write(Content content, String title) {
    try (TrueTypeCollection collection = new TrueTypeCollection(new ByteArrayInputStream(fontFile));
        PDDocument document = new PDDocument()) {
      AtomicReference<TrueTypeFont> first = new AtomicReference<>();
      collection.processAllFonts(font -> first.compareAndSet(null, font));
      PDType0Font font = PDType0Font.load(document, first.get(), true);
      PDDocumentInformation information = new PDDocumentInformation();
      information.setTitle(title);
      information.setCreator("Xuke");
      document.setDocumentInformation(information);
      PageWriter writer = new PageWriter(document, font);
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
  static String printable(PDType0Font font, String text) {
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

  static List<String> wrap(PDType0Font font, String text, float size, float width) throws IOException {
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
}
