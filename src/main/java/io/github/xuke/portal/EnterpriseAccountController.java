package io.github.xuke.portal;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.StaffGroup;
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

  public EnterpriseAccountController(EnterpriseAccounts accounts) {
    this.accounts = accounts;
  }

  public record OpenRequest(String creditCode) {}

  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping("/api/enterprise-accounts")
  public ResponseEntity<EnterpriseAccounts.OpenedAccount> open(@RequestBody OpenRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(accounts.open(request.creditCode()));
  }

  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping("/api/enterprise-accounts/{creditCode}/password-reset")
  public EnterpriseAccounts.OpenedAccount resetPassword(@PathVariable String creditCode) {
    return accounts.resetPassword(creditCode);
  }

}
