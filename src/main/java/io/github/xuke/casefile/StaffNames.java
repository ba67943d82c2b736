package io.github.xuke.casefile;

import io.github.xuke.system.CurrentUser;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Names as Chinese people write them, family name first (王窗口), for the user ids of one case file;
 * each user is looked up once. An enterprise's account carries the enterprise's name; a user id
 * without a user (an account since removed) is shown as it is.
 */
final class StaffNames {

  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Map<String, String> names = new HashMap<>();

  StaffNames(IdentityService identityService, CurrentUser currentUser) {
    this.identityService = identityService;
    this.currentUser = currentUser;
  }

  String of(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    if (CurrentUser.SYSTEM.equals(userId)) {
      return "系统";
    }
    return names.computeIfAbsent(userId, id -> {
      // the reader may not see other users (Camunda's authorization): a name is no secret in the bureau
      User user = currentUser.withoutAuthorization(() -> identityService.createUserQuery().userId(id).singleResult());
      if (user == null) {
        return id;
      }
      String name = ((user.getLastName() == null ? "" : user.getLastName())
          + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
      return name.isEmpty() ? id : name;
    });
  }
}
