package io.github.xuke.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type detection of ZIP-based documents: the entries are read, within bounds a zip bomb cannot pass. */
class DocumentTypeTest {

  @TempDir Path dir;

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
}
