package io.github.xuke.portal;

import io.github.xuke.application.Cases;
import io.github.xuke.application.Enterprise;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.InitialPasswords;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import io.github.xuke.core.Races;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprises' portal accounts: one Camunda user per enterprise, its id the unified social
 * credit code, in group {@value #GROUP}. The window opens the account for an enterprise it knows (one
 * that has applied) and hands over the initial password; the enterprise changes it. The group has no
 * permission in the engine or the webapps: an enterprise reaches only {@code /api/portal}.
 */
@Service
public class EnterpriseAccounts {

  public static final String GROUP = CurrentUser.ENTERPRISE_GROUP;
  static final int MIN_PASSWORD_LENGTH = 8;

  private final IdentityService identityService;
  private final Cases enterprises;
  private final CurrentUser currentUser;

  public EnterpriseAccounts(IdentityService identityService, Cases enterprises,
      CurrentUser currentUser) {
    this.identityService = identityService;
    this.enterprises = enterprises;
    this.currentUser = currentUser;
  }

  /** A new account and its initial password, shown once. */
  public record OpenedAccount(String userId, String enterpriseName, String initialPassword) {}

  /**
   * Opens the portal account of an enterprise that has applied; refused if it has one — also when
   * another window opens it at the same moment (the user and its membership are stored together).
   */
  @Transactional
  public OpenedAccount open(String creditCode) {
    Enterprise enterprise = enterprise(creditCode);
    if (currentUser.withoutAuthorization(() ->
        identityService.createUserQuery().userId(enterprise.creditCode()).count()) > 0) {
      throw accountExists();
    }
    String password = InitialPasswords.next();
    try {
      // who may open accounts was checked where the request came in; the identity tables are the engine's
      currentUser.withoutAuthorization(() -> {
        User user = identityService.newUser(enterprise.creditCode());
        user.setFirstName(enterprise.name());
        user.setLastName("");
        user.setEmail(enterprise.creditCode().toLowerCase() + "@enterprise.xuke.invalid");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(enterprise.creditCode(), GROUP);
        return null;
      });
    } catch (RuntimeException failure) {
      if (Races.lost(failure) != null) {
        throw accountExists(); // the other window's account was stored first
      }
      throw failure;
    }
    return new OpenedAccount(enterprise.creditCode(), enterprise.name(), password);
  }

  /** Whether the enterprise has its portal account (opened at the window). */
  public boolean hasAccount(String creditCode) {
    return currentUser.withoutAuthorization(() -> identityService.createUserQuery().userId(creditCode).count()) > 0;
  }

  private static ApiException accountExists() {
    return new ApiException(HttpStatus.CONFLICT, "ACCOUNT_EXISTS", "creditCode",
        "该企业已开通企业服务平台账号；如忘记密码，请重置密码");
  }

  /** A new initial password for an enterprise that lost its own (at the window, identity checked). */
  public OpenedAccount resetPassword(String creditCode) {
    Enterprise enterprise = enterprise(creditCode);
    User user = currentUser.withoutAuthorization(() ->
        identityService.createUserQuery().userId(enterprise.creditCode()).singleResult());
    if (user == null) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NO_ACCOUNT", "creditCode", "该企业尚未开通企业服务平台账号");
    }
    String password = InitialPasswords.next();
    user.setPassword(password);
    currentUser.withoutAuthorization(() -> {
      identityService.saveUser(user);
      return null;
    });
    return new OpenedAccount(enterprise.creditCode(), enterprise.name(), password);
  }

  /** The enterprise changes its own password, giving the current one. */
  public void changePassword(String userId, String currentPassword, String newPassword) {
    if (currentPassword == null || !identityService.checkPassword(userId, currentPassword)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "WRONG_PASSWORD", "currentPassword", "当前密码不正确");
    }
    if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH
        || newPassword.chars().allMatch(Character::isDigit) || newPassword.chars().allMatch(Character::isLetter)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "WEAK_PASSWORD", "newPassword",
          "新密码至少 " + MIN_PASSWORD_LENGTH + " 位，且须同时包含字母和数字");
    }
    currentUser.withoutAuthorization(() -> {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      user.setPassword(newPassword);
      identityService.saveUser(user);
      return null;
    });
  }

  /** The enterprise an account belongs to. */
  public Enterprise enterpriseOf(String userId) {
    return enterprises.enterpriseByCreditCode(userId).orElseThrow(() ->
        new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "该账号未关联企业"));
  }

  private Enterprise enterprise(String creditCode) {
    String code = creditCode == null ? "" : creditCode.strip().toUpperCase();
    return enterprises.enterpriseByCreditCode(code).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        "UNKNOWN_ENTERPRISE", "creditCode", "未找到统一社会信用代码为 " + TextFields.preview(code) + " 的申请企业；企业须先提交过申请"));
  }


}
