package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs a request that {@link ApiSecurity} let in as its Camunda user and groups
 * ({@link IdentityService#setAuthentication}), so the engine's authorizations apply, and names the user
 * in request attribute {@link #AUTHENTICATED_USER} for the filters after it ({@link RequestBodyGuard},
 * {@link RequestBodyValve}); both are gone when the request leaves. Runs on the async dispatch too.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

  /** The user authenticated on the current dispatch, for the filters after this one (gone after it). */
  static final String AUTHENTICATED_USER = EngineIdentityFilter.class.getName() + ".user";

  private final IdentityService identityService;

  EngineIdentityFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    String userId = authentication.getName();
    List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
    identityService.setAuthentication(userId, groups);
    request.setAttribute(AUTHENTICATED_USER, userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
      request.removeAttribute(AUTHENTICATED_USER);
    }
  }
}
