package io.github.xuke.system;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic for the engine REST API, for staff only: an enterprise's portal account is refused
 * there even with the right password (it works with {@code /api/portal} alone). The password and the
 * user's groups are read in one transaction ({@link CamundaLogins}) and handed to Camunda's filter,
 * which then asks for neither again; tenants are none.
 */
public class StaffBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  private static final String BASIC = "Basic ";

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return AuthenticationResult.unsuccessful();
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return AuthenticationResult.unsuccessful();
    }
    int colon = credentials.indexOf(':');
    if (colon <= 0) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = credentials.substring(0, colon);
    Optional<List<String>> groups = CamundaLogins.groupsIfPasswordMatches(engine, userId,
        credentials.substring(colon + 1));
    if (groups.isEmpty() || groups.get().contains(CurrentUser.ENTERPRISE_GROUP)) {
      return AuthenticationResult.unsuccessful(userId);
    }
    AuthenticationResult result = AuthenticationResult.successful(userId);
    result.setGroups(groups.get());
    result.setTenants(List.of());
    return result;
  }
}
