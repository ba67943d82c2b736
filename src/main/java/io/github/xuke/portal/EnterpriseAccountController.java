package io.github.xuke.portal;

import io.github.xuke.notice.NoticePdf;
import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.XukeProperties;
import java.nio.charset.StandardCharsets;
import io.github.xuke.system.StaffGroup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The window opens an enterprise's portal account, or gives it a new initial password. */
@RestController
public class EnterpriseAccountController {

  private final EnterpriseAccounts accounts;
  private final NoticePdf pdf;
  private final XukeProperties properties;

  public EnterpriseAccountController(EnterpriseAccounts accounts, NoticePdf pdf, XukeProperties properties) {
    this.accounts = accounts;
    this.pdf = pdf;
    this.properties = properties;
  }

  public record OpenRequest(String creditCode) {}

  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping("/api/enterprise-accounts")
  public ResponseEntity<EnterpriseAccounts.OpenedAccount> open(@RequestBody OpenRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(accounts.open(request.creditCode()));
  }

  /**
   * Opens the account and answers the initial-password letter (开户通知书) to print at the window or
   * post: the password is shown once, on paper, not on a screen.
   */
  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping(value = "/api/enterprise-accounts", produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> openWithLetter(@RequestBody OpenRequest request) {
    EnterpriseAccounts.OpenedAccount opened = accounts.open(request.creditCode());
    String portal = properties.publicUrl().replaceAll("/+$", "") + "/portal/";
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("开户通知书-" + opened.userId() + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.accountLetter(opened.enterpriseName(), opened.userId(), opened.userId(), opened.initialPassword(), portal));
  }

  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping("/api/enterprise-accounts/{creditCode}/password-reset")
  public EnterpriseAccounts.OpenedAccount resetPassword(@PathVariable String creditCode) {
    return accounts.resetPassword(creditCode);
  }

}
