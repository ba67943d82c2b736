package io.github.xuke.notice;

import io.github.xuke.notice.NoticePdf;
import io.github.xuke.notice.Notices;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.XukeProperties;
import io.github.xuke.core.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A notice of a case, printed as PDF (staff here; the enterprise through {@code /api/portal}). */
@RestController
public class NoticeController {

  private final Notices notices;
  private final NoticePdf pdf;
  private final XukeProperties properties;

  private final CaseAccess access;

  public NoticeController(Notices notices, NoticePdf pdf, XukeProperties properties,
      CaseAccess access) {
    this.access = access;
    this.notices = notices;
    this.pdf = pdf;
    this.properties = properties;
  }

  @GetMapping("/api/notices/{id}/pdf")
  public ResponseEntity<byte[]> print(@PathVariable long id) {
    CaseNotice notice = notices.find(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到文书 " + id));
    access.requireIssued(notice.applicationId());
    return print(notice);
  }

  /** A notice as a PDF download. */
  public ResponseEntity<byte[]> print(CaseNotice notice) {
    long id = notice.id();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(notice.kind().name().toLowerCase() + "-" + id + (notice.signed() ? "-signed" : "") + ".pdf",
                StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(notices.pdf(notice));
  }
}
