package io.github.xuke.licence;

import io.github.xuke.core.ApiException;
import io.github.xuke.system.CaseAccess;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The licence certificate of a case as PDF (staff; the district bureau for its district): the current
 * issue — signed once the deputy director has signed online — and the first issue, kept beside it.
 */
@RestController
public class LicenceController {

  private final LicenceService licences;
  private final CaseAccess access;

  public LicenceController(LicenceService licences, CaseAccess access) {
    this.licences = licences;
    this.access = access;
  }

  /** The certificate as it stands: the signed re-issue once signed, the first issue before. */
  @GetMapping("/api/applications/{id}/licence/pdf")
  public ResponseEntity<byte[]> certificate(@PathVariable long id) {
    return print(id, false);
  }

  /** The certificate as first issued, with the chief representative's approval and without signature. */
  @GetMapping("/api/applications/{id}/licence/first-issue/pdf")
  public ResponseEntity<byte[]> firstIssue(@PathVariable long id) {
    return print(id, true);
  }

  private ResponseEntity<byte[]> print(long id, boolean firstIssue) {
    access.requireIssued(id);
    Licence licence = licences.ofCase(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "该案件尚未发证"));
    boolean signed = !firstIssue && licence.signedAt() != null;
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("licence-" + id + (signed ? "-signed" : "") + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(licences.certificate(licence, firstIssue));
  }
}
