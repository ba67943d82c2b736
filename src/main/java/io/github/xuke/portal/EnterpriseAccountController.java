package io.github.xuke.portal;

import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The window opens an enterprise's portal account, or gives it a new initial password. */
@RestController
public class EnterpriseAccountController {

  private final EnterpriseAccounts accounts;
  private final CurrentUser currentUser;

  public EnterpriseAccountController(EnterpriseAccounts accounts, CurrentUser currentUser) {
    this.accounts = accounts;
    this.currentUser = currentUser;
  }

  public record OpenRequest(String creditCode) {}

  @PostMapping("/api/enterprise-accounts")
  public ResponseEntity<EnterpriseAccounts.OpenedAccount> open(@RequestBody OpenRequest request) {
    requireWindow();
    return ResponseEntity.status(HttpStatus.CREATED).body(accounts.open(request.creditCode()));
  }

  @PostMapping("/api/enterprise-accounts/{creditCode}/password-reset")
  public EnterpriseAccounts.OpenedAccount resetPassword(@PathVariable String creditCode) {
    requireWindow();
    return accounts.resetPassword(creditCode);
  }

  private void requireWindow() {
    if (!currentUser.isIn(StaffGroup.WINDOW_CLERK)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "仅窗口受理人员可以开通企业账号");
    }
  }
}
