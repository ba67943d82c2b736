package io.github.xuke.document;

import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploading and downloading the documents of a case (staff; enterprises use {@code /api/portal}). */
@RestController
public class DocumentController {

  private final DocumentService documents;
  private final CurrentUser currentUser;
  private final CaseAccess access;

  public DocumentController(DocumentService documents, CurrentUser currentUser, CaseAccess access) {
    this.documents = documents;
    this.currentUser = currentUser;
    this.access = access;
  }

  @PostMapping(value = "/api/applications/{id}/materials/{materialCode}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<StoredDocument> upload(@PathVariable long id, @PathVariable String materialCode,
      @RequestParam("file") MultipartFile file) throws IOException {
    // materials come in at the window (intake, supplies); enterprises upload through the portal
    access.requireCase(id, StaffGroup.WINDOW_CLERK);
    try (InputStream content = file.getInputStream()) {
      StoredDocument stored = documents.store(id, materialCode, file.getOriginalFilename(), content, currentUser.id());
      return ResponseEntity.status(201).body(stored);
    }
  }

  @GetMapping("/api/applications/{id}/documents")
  public List<StoredDocument> ofCase(@PathVariable long id) {
    access.requireCase(id);
    return documents.ofCase(id);
  }

  /**
   * A document of a case: downloaded, or with {@code view=true} shown in the browser when it is a
   * PDF, a photo or an MP4 video (whose type was checked on upload, never taken from the name).
   */
  @GetMapping("/api/documents/{id}")
  public ResponseEntity<Resource> download(@PathVariable long id, @RequestParam(defaultValue = "false") boolean view) {
    documents.find(id).ifPresent(document -> access.requireCase(document.applicationId()));
    DocumentService.Download download = documents.download(id);
    return view && DocumentType.opensInBrowser(download.document().contentType()) ? inline(download) : attachment(download);
  }

  /** A document shown in the browser: inline, never sniffed (the app's content security policy runs no script). */
  public static ResponseEntity<Resource> inline(DocumentService.Download download) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.document().contentType()))
        .contentLength(download.document().sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(download.document().originalName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Document-SHA256", download.document().sha256())
        .body(new FileSystemResource(download.file()));
  }

  /** A document as a download: attachment, never sniffed, with its SHA-256. */
  public static ResponseEntity<Resource> attachment(DocumentService.Download download) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.document().contentType()))
        .contentLength(download.document().sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(download.document().originalName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Document-SHA256", download.document().sha256())
        .body(new FileSystemResource(download.file()));
  }
}
