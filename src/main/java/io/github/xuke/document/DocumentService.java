package io.github.xuke.document;

import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents of a case, outside the database: stored under server-generated names in
 * {@code xuke.documents.dir}, accepted only when their content is a type the window takes and their
 * size is within the limit, with the SHA-256 of exactly what was received. A refused upload leaves
 * nothing behind.
 */
@Service
public class DocumentService {

  private static final int MAX_NAME_LENGTH = 200;

  private final DocumentRepository documents;
  private final DocumentOwners owners;
  private final DocumentProperties properties;
  private final Clock clock;

  public DocumentService(DocumentRepository documents, DocumentOwners owners, DocumentProperties properties,
      Clock clock) {
    this.documents = documents;
    this.owners = owners;
    this.properties = properties;
    this.clock = clock;
  }

  /** Stores an uploaded document of one material of a case. */
  @Transactional
  public StoredDocument store(long applicationId, String materialCode, String originalName,
      InputStream content, String uploadedBy) {
    requireCase(applicationId);
    if (!owners.hasMaterial(applicationId, materialCode)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_MATERIAL", "materialCode",
          "本案没有材料“" + TextFields.preview(materialCode) + "”");
    }
    return store(applicationId, materialCode, originalName, content, uploadedBy, DocumentType.MATERIALS,
        "不接受该文件类型：仅接受 PDF、OFD、JPEG、PNG、Word、Excel 和 WPS 文件（按文件内容识别，不看扩展名）");
  }

  /** The material code under which an enterprise's rectification evidence is kept. */
  public static final String RECTIFICATION = "RECTIFICATION";

  /** Stores the enterprise's evidence of rectification after an inspection (documents, photos, videos). */
  @Transactional
  public StoredDocument storeRectification(long applicationId, String originalName, InputStream content,
      String uploadedBy) {
    requireCase(applicationId);
    return store(applicationId, RECTIFICATION, originalName, content, uploadedBy, DocumentType.MATERIALS_OR_EVIDENCE,
        "不接受该文件类型：仅接受 PDF、OFD、Word、Excel、WPS 文件和 JPEG、PNG 照片、MP4、MOV 视频");
  }

  /** Stores a photo or video taken at an on-site inspection (no material; JPEG, PNG, MP4, MOV). */
  @Transactional
  public StoredDocument storeEvidence(long applicationId, String originalName, InputStream content, String uploadedBy) {
    requireCase(applicationId);
    return store(applicationId, null, originalName, content, uploadedBy, DocumentType.EVIDENCE,
        "不接受该文件类型：现场影像资料仅接受 JPEG、PNG 照片和 MP4、MOV 视频（按文件内容识别，不看扩展名）");
  }

  private StoredDocument store(long applicationId, String materialCode, String originalName, InputStream content,
      String uploadedBy, java.util.Set<DocumentType> accepted, String refusal) {
    Path dir = storageDir();
    Path incoming = dir.resolve(".incoming-" + UUID.randomUUID());
    try {
      Received received = receive(content, incoming);
      if (received.size() == 0) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "file", "文件为空");
      }
      DocumentType type = detect(incoming).filter(accepted::contains).orElseThrow(() ->
          new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_TYPE", "file", refusal));
      String storageName = UUID.randomUUID() + "." + type.extension();
      Path stored = dir.resolve(storageName);
      Files.move(incoming, stored, StandardCopyOption.ATOMIC_MOVE);
      deleteOnRollback(stored);
      long id = documents.insert(applicationId, materialCode, storageName, safeName(originalName),
          type.contentType(), received.size(), received.sha256(), uploadedBy,
          OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
      return documents.findById(id).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store a document of case " + applicationId, e);
    } finally {
      deleteQuietly(incoming);
    }
  }

  private static java.util.Optional<DocumentType> detect(Path incoming) throws IOException {
    try {
      return DocumentType.detect(incoming);
    } catch (DocumentType.UnsafeArchiveException bomb) {
      throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "ARCHIVE_TOO_LARGE", "file",
          "文件解压后过大或压缩比异常（疑似“压缩炸弹”），不予接收；请上传正常保存的文件");
    }
  }

  private void requireCase(long applicationId) {
    if (!owners.caseExists(applicationId)) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到申请 " + applicationId);
    }
  }

  public java.util.Optional<StoredDocument> find(long id) {
    return documents.findById(id);
  }

  public List<StoredDocument> ofCase(long applicationId) {
    return documents.findByApplication(applicationId);
  }

  /** A document and its file, checked against the recorded SHA-256 before it is handed out. */
  public record Download(StoredDocument document, Path file) {}

  public Download download(long id) {
    StoredDocument document = documents.findById(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到文件 " + id));
    Path file = storageDir().resolve(document.storageName()).normalize();
    if (!file.startsWith(storageDir()) || !Files.isRegularFile(file)) {
      throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "DOCUMENT_MISSING", null, "文件已丢失，请联系管理员");
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(OutputStream.nullOutputStream());
      if (!HexFormat.of().formatHex(digest.digest()).equals(document.sha256())) {
        throw new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "DOCUMENT_CORRUPT", null, "文件校验失败，请联系管理员");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Download(document, file);
  }

  /** A name for display only: no path, no control characters, at most 200 characters. */
  static String safeName(String name) {
    if (name == null) {
      return "未命名";
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder();
    last.codePoints().filter(c -> c >= 0x20 && c != 0x7F).limit(MAX_NAME_LENGTH).forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    return result.isEmpty() || result.equals(".") || result.equals("..") ? "未命名" : result;
  }

  private record Received(long size, String sha256) {}

  /** Copies the content to the file, hashing it and counting bytes against the limit. */
  private Received receive(InputStream content, Path target) throws IOException {
    long limit = properties.maxSize().toBytes();
    MessageDigest digest = sha256();
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(target)) {
      int read;
      while ((read = content.read(buffer)) != -1) {
        size += read;
        if (size > limit) {
          throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "FILE_TOO_LARGE", "file",
              "文件超过大小限制（" + properties.maxSize().toMegabytes() + " MB）");
        }
        digest.update(buffer, 0, read);
        out.write(buffer, 0, read);
      }
    }
    return new Received(size, HexFormat.of().formatHex(digest.digest()));
  }

  private Path storageDir() {
    try {
      Path dir = properties.dir().toAbsolutePath().normalize();
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the document folder " + properties.dir(), e);
    }
  }

  private static void deleteOnRollback(Path stored) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status != STATUS_COMMITTED) {
            deleteQuietly(stored);
          }
        }
      });
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover incoming file holds no acknowledged data; the next upload does not see it
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
