package io.github.xuke.notice;

import static io.github.xuke.notice.A4Pages.*;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Writes down the A4 pages of one document ({@link A4Pages}), starting a new page when one is full. */
final class PageWriter {
  private final PDDocument document;
  private final PDType0Font font;
  private PDPageContentStream stream;
  private float y;

  PageWriter(PDDocument document, PDType0Font font) throws IOException {
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
