package io.github.xuke.portal;

import io.github.xuke.notice.NoticePdf;
import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.XukeProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The window opens an enterprise's portal account, or gives it a new initial password. */
@RestController
public class EnterpriseAccountController {

  private final EnterpriseAccounts accounts;
  private final NoticePdf pdf;
  private final XukeProperties properties;
  private final Clock clock;

  public EnterpriseAccountController(EnterpriseAccounts accounts, NoticePdf pdf, XukeProperties properties, Clock clock) {
    this.accounts = accounts;
    this.pdf = pdf;
    this.properties = properties;
    this.clock = clock;
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
    String portal = ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/").toUriString();
    String issuer = properties.licence().issuerName();
    String text = "企业服务平台开户通知书\n" + opened.enterpriseName() + "：\n"
        + "贵单位已在" + issuer + "行政许可服务窗口开通企业服务平台账号。通过平台可以查看办理进度、补交材料、接收文书，无需到窗口。\n"
        + "登录地址：" + portal + "\n"
        + "用户名：" + opened.userId() + "（统一社会信用代码）\n"
        + "初始密码：" + opened.initialPassword() + "\n"
        + "首次登录时须修改初始密码。请妥善保管本通知书，不要将密码告诉他人；如遗失密码，请持营业执照副本到窗口重置。";
    return ResponseEntity.status(HttpStatus.CREATED)
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("开户通知书-" + opened.userId() + ".pdf", StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(pdf.print(text, null, issuer, OffsetDateTime.now(clock), 0));
  }

  @AllowedGroups(value = StaffGroup.WINDOW_CLERK, refusal = "仅窗口受理人员可以开通企业账号")
  @PostMapping("/api/enterprise-accounts/{creditCode}/password-reset")
  public EnterpriseAccounts.OpenedAccount resetPassword(@PathVariable String creditCode) {
    return accounts.resetPassword(creditCode);
  }

}
