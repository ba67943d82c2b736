package io.github.xuke.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The document types the window accepts, recognised by content, never by the file name: Apache Tika's
 * magic bytes name the media type, and for the ZIP-based formats the entries inside decide.
 */
public enum DocumentType {
  PDF("application/pdf", "pdf"),
  OFD("application/ofd", "ofd"),
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  /** Word 97–2003, Excel 97–2003 and WPS: the OLE2 compound file format. */
  OLE2_OFFICE("application/x-ole-storage", "doc"),
  /** Video from body cameras and phones: ISO base media ({@code ftyp} box). */
  MP4("video/mp4", "mp4"),
  /** QuickTime video (iPhones): {@code ftyp} brand {@code qt}. */
  MOV("video/quicktime", "mov");

  /** What a material may be: documents and scans. */
  public static final Set<DocumentType> MATERIALS = EnumSet.of(PDF, OFD, JPEG, PNG, DOCX, XLSX, OLE2_OFFICE);
  /** What inspection evidence may be: photos and videos. */
  public static final Set<DocumentType> EVIDENCE = EnumSet.of(JPEG, PNG, MP4, MOV);
  /** What an enterprise's evidence of rectification may be: either. */
  public static final Set<DocumentType> MATERIALS_OR_EVIDENCE = EnumSet.of(PDF, OFD, JPEG, PNG, DOCX, XLSX,
      OLE2_OFFICE, MP4, MOV);

  /** Tika's own detector from tika-core: magic bytes and XML roots only (tika-parsers is not taken in). */
  private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();
  private static final MediaTypeRegistry MEDIA_TYPES = TIKA.getMediaTypeRegistry();
  private static final MediaType ZIP = MediaType.application("zip");
  /** Every ISO base media file ({@code ftyp}, {@code moov} … boxes) is this or a specialization to Tika. */
  private static final MediaType QUICKTIME = MediaType.video("quicktime");
  /**
   * The accepted types Tika names by itself, with their specializations: {@code x-tika-msoffice} is every
   * OLE2 compound file (Word, Excel, PowerPoint, WPS, Works and StarOffice documents).
   */
  private static final Map<MediaType, DocumentType> BY_MEDIA_TYPE = Map.of(
      MediaType.application("pdf"), PDF, MediaType.image("jpeg"), JPEG, MediaType.image("png"), PNG,
      MediaType.application("x-tika-msoffice"), OLE2_OFFICE);
  /** Entries a document's archive may have: OFD, DOCX and XLSX files have tens, a few hundred at most. */
  static final int MAX_ZIP_ENTRIES = 2000;
  /** Bytes a document's archive may inflate to, all entries together: far beyond any real document's XML. */
  static final long MAX_INFLATED = 512L * 1024 * 1024;
  /** How much an entry may inflate relative to its bytes in the file: XML compresses 5–20 times, bombs 1,000. */
  static final long MAX_RATIO = 200;
  /** Inflated bytes of an entry before its ratio counts (tiny entries compress oddly). */
  static final long RATIO_GRACE = 1024 * 1024;

  private final String contentType;
  private final String extension;

  DocumentType(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** The types a browser shows itself (PDF, photos, MP4 videos); office files and OFD are downloaded. */
  public static final Set<String> VIEWABLE_CONTENT_TYPES = Set.of(PDF.contentType, JPEG.contentType, PNG.contentType,
      MP4.contentType);

  /** Whether a stored document of this content type may open in the browser instead of downloading. */
  public static boolean opensInBrowser(String contentType) {
    return VIEWABLE_CONTENT_TYPES.contains(contentType);
  }

  /**
   * The type of the file's content, or empty when it is not one the window accepts; an archive that
   * would inflate like a zip bomb throws {@link UnsafeArchiveException}.
   */
  public static Optional<DocumentType> detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(TIKA.getMinLength());
    }
    // no resource name in the metadata: Tika would let a file name decide between types
    MediaType type = TIKA.detect(new ByteArrayInputStream(head), new Metadata());
    if (MEDIA_TYPES.isInstanceOf(type, ZIP)) {
      return zipType(file);
    }
    if (MEDIA_TYPES.isInstanceOf(type, QUICKTIME) && type.getType().equals("video")) {
      return isoVideo(head);
    }
    return BY_MEDIA_TYPE.entrySet().stream().filter(accepted -> MEDIA_TYPES.isInstanceOf(type, accepted.getKey()))
        .map(Map.Entry::getValue).findFirst();
  }

  /**
   * MP4 or MOV by the brand of the {@code ftyp} box. Tika's core names most MP4 files (brands {@code isom},
   * {@code avc1}, {@code iso2} …) {@code video/quicktime}; only its MP4 parser, which is not taken in,
   * tells them apart. HEIC photos and M4A sound, which Tika files under {@code video/quicktime} too, are
   * no videos and never come here.
   */
  private static Optional<DocumentType> isoVideo(byte[] head) {
    boolean ftyp = head.length >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
    if (!ftyp) {
      return Optional.of(MOV);
    }
    if (head.length < 12) {
      return Optional.empty();
    }
    return Optional.of(head[8] == 'q' && head[9] == 't' ? MOV : MP4);
  }

  /**
   * Reads the entries of a ZIP-based document (OFD, DOCX, XLSX), inflating each within bounds: an entry
   * that inflates to more than {@value #MAX_RATIO} times the bytes it takes in the file (past the first
   * {@value #RATIO_GRACE} bytes), all entries together past {@value #MAX_INFLATED} bytes, or more than
   * {@value #MAX_ZIP_ENTRIES} entries is a zip bomb: refused with {@link UnsafeArchiveException} as soon
   * as it shows, long before it would have inflated.
   *
   * <p>Tika's core cannot do this: its magic sees only the first entry's name (so a DOCX is at best
   * {@code x-tika-ooxml}, never DOCX rather than XLSX), telling them apart takes the container detectors
   * of tika-parsers, OFD is not a type Tika knows, and the bomb limits need every entry inflated anyway.
   */
  private static Optional<DocumentType> zipType(Path file) throws IOException {
    Set<String> names = new HashSet<>();
    try (CountingInputStream raw = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file)));
         ZipInputStream zip = new ZipInputStream(raw)) {
      byte[] buffer = new byte[64 * 1024];
      long inflated = 0;
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (names.size() == MAX_ZIP_ENTRIES) {
          throw new UnsafeArchiveException("more than " + MAX_ZIP_ENTRIES + " entries");
        }
        names.add(entry.getName());
        long compressedFrom = raw.count();
        long entryInflated = 0;
        int read;
        while ((read = zip.read(buffer)) != -1) {
          entryInflated += read;
          inflated += read;
          if (inflated > MAX_INFLATED) {
            throw new UnsafeArchiveException("inflates past " + MAX_INFLATED + " bytes");
          }
          if (entryInflated > RATIO_GRACE && entryInflated > MAX_RATIO * (raw.count() - compressedFrom)) {
            throw new UnsafeArchiveException(entry.getName() + " inflates more than " + MAX_RATIO + " times");
          }
        }
      }
    } catch (IllegalArgumentException | IOException broken) {
      return Optional.empty();
    }
    if (names.contains("OFD.xml")) {
      return Optional.of(OFD);
    }
    if (names.contains("[Content_Types].xml")) {
      if (names.stream().anyMatch(name -> name.startsWith("word/"))) {
        return Optional.of(DOCX);
      }
      if (names.stream().anyMatch(name -> name.startsWith("xl/"))) {
        return Optional.of(XLSX);
      }
    }
    return Optional.empty();
  }

  /** A ZIP-based file that would inflate beyond what any document does: a zip bomb, refused unread. */
  public static final class UnsafeArchiveException extends RuntimeException {
    UnsafeArchiveException(String reason) {
      super("unsafe archive: " + reason);
    }
  }

  /** The bytes the ZIP reader has taken from the file so far: what its entries cost compressed. */
  private static final class CountingInputStream extends FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b != -1) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
