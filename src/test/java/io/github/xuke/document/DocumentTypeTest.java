package io.github.xuke.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Type detection by content: what Tika names and what the window accepts of it, and ZIP-based documents,
 * whose entries are read within bounds a zip bomb cannot pass.
 */
class DocumentTypeTest {

  @TempDir Path dir;

  static Stream<Arguments> accepted() throws IOException {
    return Stream.of(
        Arguments.of("a PDF", utf8("%PDF-1.7\n%%EOF\n"), DocumentType.PDF),
        Arguments.of("a JPEG (JFIF)", bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'), DocumentType.JPEG),
        Arguments.of("a PNG", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13), DocumentType.PNG),
        Arguments.of("an OLE2 file (Word 97)", padded(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1), 1024),
            DocumentType.OLE2_OFFICE),
        Arguments.of("an MP4 (isom), which Tika's core calls QuickTime", iso("isom"), DocumentType.MP4),
        Arguments.of("an MP4 (mp42)", iso("mp42"), DocumentType.MP4),
        Arguments.of("a QuickTime movie (qt)", iso("qt  "), DocumentType.MOV),
        Arguments.of("a DOCX", zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), DocumentType.DOCX),
        Arguments.of("a DOCX whose types are not the first entry", zip("word/document.xml", "[Content_Types].xml"),
            DocumentType.DOCX),
        Arguments.of("an XLSX", zip("[Content_Types].xml", "xl/workbook.xml"), DocumentType.XLSX),
        Arguments.of("an OFD", zip("OFD.xml", "Doc_0/Document.xml"), DocumentType.OFD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void eachAcceptedTypeIsRecognisedByItsContentWhateverItsName(String what, byte[] content, DocumentType type)
      throws IOException {
    assertThat(DocumentType.detect(Files.write(dir.resolve("upload.txt"), content))).contains(type);
  }

  static Stream<Arguments> refused() throws IOException {
    return Stream.of(
        Arguments.of("nothing", new byte[0]),
        Arguments.of("plain text", utf8("申请书".repeat(100))),
        Arguments.of("a Windows program", padded(utf8("MZ\u0090\u0000"), 512)),
        Arguments.of("HTML with a PDF header inside", utf8("<html><script>alert(1)</script>%PDF-1.7</html>")),
        Arguments.of("SVG", utf8("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")),
        Arguments.of("a ZIP of anything else", zip("payload.sh")),
        Arguments.of("OOXML that is neither Word nor Excel", zip("[Content_Types].xml", "ppt/presentation.xml")),
        Arguments.of("a broken ZIP", bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0)),
        Arguments.of("a HEIC photo (an ISO file, no video)", iso("heic")),
        Arguments.of("M4A sound (an ISO file, no video)", iso("M4A ")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void whatTheWindowDoesNotTakeIsNotRecognisedWhateverItsName(String what, byte[] content) throws IOException {
    assertThat(DocumentType.detect(Files.write(dir.resolve("upload.pdf"), content))).isEmpty();
  }

  @Test
  void theTestBombIsARealArchiveThatInflatesAsDeclared() throws Exception {
    byte[] stream = ZipBomb.deflatedZeros(8);
    Inflater inflater = new Inflater(true);
    inflater.setInput(stream);
    byte[] buffer = new byte[1 << 20];
    long inflated = 0;
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      for (int i = 0; i < n; i++) {
        assertThat(buffer[i]).isZero();
      }
      inflated += n;
    }
    assertThat(inflated).isEqualTo(8L << 20);
    assertThat(stream.length).isLessThan(9 * 1024);
  }

  @Test
  void aDocxWhoseEntryInflatesAThousandfoldIsRefused() throws IOException {
    Path bomb = Files.write(dir.resolve("bomb.docx"), ZipBomb.docx(64));
    long started = System.nanoTime();
    assertThatThrownBy(() -> DocumentType.detect(bomb)).isInstanceOf(DocumentType.UnsafeArchiveException.class)
        .hasMessageContaining("word/document.xml");
    System.out.println("a 64 MiB zip bomb refused after " + (System.nanoTime() - started) / 1_000_000 + " ms");
  }

  @Test
  void aSmallDocxStaysADocx() throws IOException {
    Path docx = Files.write(dir.resolve("small.docx"), ZipBomb.docx(1));
    assertThat(DocumentType.detect(docx)).contains(DocumentType.DOCX);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static byte[] padded(byte[] head, int length) {
    return Arrays.copyOf(head, length);
  }

  /** The start of an ISO base media file: an {@code ftyp} box of this brand, then zeros. */
  private static byte[] iso(String brand) {
    return padded(utf8("\0\0\0\u0018ftyp" + brand), 64);
  }

  private static byte[] zip(String... entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(utf8("<x/>"));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
