package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change (POST, PUT, PATCH, DELETE) that the browser marks as sent by another site's page
 * ({@code Sec-Fetch-Site: cross-site}), whatever its credentials and on public endpoints too: a browser
 * replays HTTP Basic credentials it has cached, so a session token alone would not be enough.
 */
class CrossSiteChangeFilter extends OncePerRequestFilter {

  private final ApiRefusals refusals;

  CrossSiteChangeFilter(ApiRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (ApiSecurity.CHANGES.contains(request.getMethod()) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
      refusals.crossSite(response);
      return;
    }
    chain.doFilter(request, response);
  }
}
