package io.github.xuke.portal;

import io.github.xuke.notice.NoticeController;
import io.github.xuke.document.DocumentController;
import io.github.xuke.system.CurrentUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The enterprise portal's API: the logged-in enterprise's own cases, uploads, documents and notices. */
@RestController
@RequestMapping("/api/portal")
public class PortalController {

  private final PortalService portal;
  private final EnterpriseAccounts accounts;
  private final NoticeController noticePrinter;
  private final CurrentUser currentUser;

  public PortalController(PortalService portal, EnterpriseAccounts accounts, NoticeController noticePrinter,
      CurrentUser currentUser) {
    this.portal = portal;
    this.accounts = accounts;
    this.noticePrinter = noticePrinter;
    this.currentUser = currentUser;
  }

  @GetMapping("/applications")
  public List<PortalService.PortalCase> cases() {
    return portal.casesOf(currentUser.id());
  }

  @GetMapping("/applications/{id}")
  public PortalService.PortalCase get(@PathVariable long id) {
    return portal.caseOf(currentUser.id(), id);
  }

  @PostMapping(value = "/applications/{id}/materials/{materialCode}/documents",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PortalService.PortalDocument> upload(@PathVariable long id,
      @PathVariable String materialCode, @RequestParam("file") MultipartFile file) throws IOException {
    try (InputStream content = file.getInputStream()) {
      return ResponseEntity.status(201)
          .body(portal.upload(currentUser.id(), id, materialCode, file.getOriginalFilename(), content));
    }
  }

  /** Evidence of rectification after an inspection found problems (multipart {@code file}). */
  @PostMapping(value = "/applications/{id}/rectification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<PortalService.PortalDocument> rectification(@PathVariable long id,
      @RequestParam("file") MultipartFile file) throws IOException {
    try (InputStream content = file.getInputStream()) {
      return ResponseEntity.status(201)
          .body(portal.uploadRectification(currentUser.id(), id, file.getOriginalFilename(), content));
    }
  }

  @GetMapping("/documents/{id}")
  public ResponseEntity<Resource> download(@PathVariable long id) {
    return DocumentController.attachment(portal.download(currentUser.id(), id));
  }

  @GetMapping("/notices/{id}/pdf")
  public ResponseEntity<byte[]> notice(@PathVariable long id) {
    return noticePrinter.print(portal.notice(currentUser.id(), id));
  }

  public record PasswordChange(String currentPassword, String newPassword) {}

  @PutMapping("/password")
  public ResponseEntity<Void> changePassword(@RequestBody PasswordChange change) {
    accounts.changePassword(currentUser.id(), change.currentPassword(), change.newPassword());
    return ResponseEntity.noContent().build();
  }
}
