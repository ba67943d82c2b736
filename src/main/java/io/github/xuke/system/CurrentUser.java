package io.github.xuke.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Who is acting: the authenticated Camunda user of this request, or {@value #SYSTEM} for jobs. */
@Component
public class CurrentUser {

  public static final String SYSTEM = "system";
  /** The group of every enterprise's portal account (never a staff group). */
  public static final String ENTERPRISE_GROUP = "enterprise";

  private final IdentityService identityService;

  public CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether the acting user is an administrator (group {@code camunda-admin}). */
  public boolean isAdmin() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(StaffGroup.ADMIN.id());
  }

  /**
   * Runs engine bookkeeping (clock timers, watch instances) without the acting user's authorization
   * checks and query limits: what the user may do was checked where the request came in, and the
   * bookkeeping touches instances the user never sees.
   */
  public <T> T withoutAuthorization(Supplier<T> work) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      return work.get();
    }
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      identityService.setAuthentication(authentication);
    }
  }

  /** Whether the acting user is in one of these groups (the admin always is). */
  public boolean isIn(StaffGroup... groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getGroupIds() == null) {
      return false;
    }
    for (StaffGroup group : groups) {
      if (authentication.getGroupIds().contains(group.id())) {
        return true;
      }
    }
    return isAdmin();
  }

  /**
   * A user's name as Chinese people write it, family name first (王窗口), or the user id when the user
   * has none or is unknown.
   */
  public String name(String userId) {
    if (userId == null || SYSTEM.equals(userId)) {
      return "系统";
    }
    org.camunda.bpm.engine.identity.User user = withoutAuthorization(() ->
        identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? userId : name;
  }

  public String id() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getUserId() == null
        ? SYSTEM
        : authentication.getUserId();
  }
}
