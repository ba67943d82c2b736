package io.github.xuke.application;

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

/** The case file index (卷内目录) of a case as a printable PDF, for whoever reads the case file. */
@RestController
public class CaseFileIndexController {

  private final CaseFileIndex index;
  private final Cases cases;
  private final CaseAccess access;

  CaseFileIndexController(CaseFileIndex index, Cases cases, CaseAccess access) {
    this.index = index;
    this.cases = cases;
    this.access = access;
  }

  @GetMapping("/api/applications/{id}/file-index/pdf")
  public ResponseEntity<byte[]> print(@PathVariable long id) {
    access.requireCase(id);
    cases.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到案件 " + id));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("file-index-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(index.pdf(id));
  }
}
