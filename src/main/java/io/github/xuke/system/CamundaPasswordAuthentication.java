package io.github.xuke.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks an HTTP Basic login of {@link ApiSecurity} against Camunda's users
 * ({@link CamundaLogins}: password and groups in one transaction); the user's authorities are its
 * Camunda group ids. The login throttle has let the attempt through before.
 */
class CamundaPasswordAuthentication implements AuthenticationProvider {

  private final ProcessEngine engine;

  CamundaPasswordAuthentication(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    Object password = login.getCredentials();
    List<String> groups = CamundaLogins.groupsIfPasswordMatches(engine, login.getName(),
            password instanceof String given ? given : null)
        .orElseThrow(() -> new BadCredentialsException("wrong user or password"));
    return UsernamePasswordAuthenticationToken.authenticated(login.getName(), null, authorities(groups));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** A Camunda user's groups, as authorities. */
  static List<GrantedAuthority> groups(IdentityService identityService, String userId) {
    return authorities(CamundaLogins.groupIds(identityService, userId));
  }

  private static List<GrantedAuthority> authorities(List<String> groupIds) {
    return groupIds.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }
}
