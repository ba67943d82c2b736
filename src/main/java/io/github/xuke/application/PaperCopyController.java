package io.github.xuke.application;

import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Paper copies of uploaded materials: posted (tracking number), received and compared (staff). */
@RestController
public class PaperCopyController {

  private final PaperCopyService paperCopies;
  private final CurrentUser currentUser;

  private final CaseAccess access;

  public PaperCopyController(PaperCopyService paperCopies, CurrentUser currentUser, CaseAccess access) {
    this.access = access;
    this.paperCopies = paperCopies;
    this.currentUser = currentUser;
  }

  /** The EMS tracking number of a posted paper copy. */
  public record Posted(String trackingNumber) {}

  /** The receipt: does the paper match the uploaded copy, and if not, how it differs. */
  public record Received(boolean matchesUpload, String remark) {}

  @PostMapping("/api/applications/{id}/materials/{materialCode}/paper-copies")
  public ResponseEntity<PaperCopy> posted(@PathVariable long id, @PathVariable String materialCode,
      @RequestBody Posted posted) {
    access.requireCase(id, StaffGroup.WINDOW_CLERK);
    return ResponseEntity.status(201).body(paperCopies.posted(id, materialCode, posted.trackingNumber()));
  }

  @PostMapping("/api/applications/{id}/paper-copies/{paperCopyId}/received")
  public PaperCopy received(@PathVariable long id, @PathVariable long paperCopyId, @RequestBody Received received) {
    access.requireCase(id, StaffGroup.WINDOW_CLERK);
    return paperCopies.received(id, paperCopyId, received.matchesUpload(), received.remark(), currentUser.id());
  }

  @GetMapping("/api/applications/{id}/paper-copies")
  public List<PaperCopy> ofCase(@PathVariable long id) {
    access.requireCase(id);
    return paperCopies.ofCase(id);
  }
}
