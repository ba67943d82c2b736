package io.github.xuke.system;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Checks an HTTP Basic login of {@link ApiSecurity} against Camunda's users
 * ({@link IdentityService#checkPassword}); the user's authorities are its Camunda group ids. The login
 * throttle has let the attempt through before.
 */
class CamundaPasswordAuthentication implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaPasswordAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    String userId = login.getName();
    Object password = login.getCredentials();
    if (userId == null || userId.isEmpty() || !(password instanceof String given)
        || !identityService.checkPassword(userId, given)) {
      throw new BadCredentialsException("wrong user or password");
    }
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, groups(identityService, userId));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  /** A Camunda user's groups, as authorities. */
  static List<GrantedAuthority> groups(IdentityService identityService, String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
  }
}
