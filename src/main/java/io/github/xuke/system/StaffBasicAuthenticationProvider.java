package io.github.xuke.system;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for the engine REST API, for staff only: an enterprise's portal account is refused
 * there even with the right password (it works with {@code /api/portal} alone).
 */
public class StaffBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (result.isAuthenticated() && engine.getIdentityService().createGroupQuery()
        .groupMember(result.getAuthenticatedUser()).groupId(CurrentUser.ENTERPRISE_GROUP).count() > 0) {
      return AuthenticationResult.unsuccessful(result.getAuthenticatedUser());
    }
    return result;
  }
}
