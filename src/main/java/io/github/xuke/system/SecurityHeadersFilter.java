package io.github.xuke.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What browsers are told about the portal page and the app's API: run only the app's own script files
 * (no inline script, no inline event handler, no inline style), load nothing from elsewhere, embed no
 * plugin, never be framed, post forms only to the app; never guess a content type; send no referrer.
 * HSTS only on a request that came over TLS: said over plain HTTP it would bind nobody. The Camunda
 * webapps keep their own policy ({@code camunda.bpm.webapp.header-security}): their pages need inline
 * styles and a nonce.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
    chain.doFilter(request, response);
  }
}
