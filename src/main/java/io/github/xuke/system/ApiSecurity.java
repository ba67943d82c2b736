package io.github.xuke.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call the app's API ({@code /api/**}) and the actuator ({@code /actuator/**}), declared with
 * Spring Security. Reading the working-day calendar and the health check, the online material
 * pre-check and the portal's login are public. Enterprise accounts (group
 * {@link CurrentUser#ENTERPRISE_GROUP}) reach {@code /api/portal/**} and nothing else, with HTTP Basic
 * or the portal's own session ({@link PortalSessions}); every other path is for the bureau's staff
 * ({@link StaffGroup}), with HTTP Basic or the webapps' session (Tasklist, Cockpit). Passwords are
 * Camunda's ({@link CamundaPasswordAuthentication}); whoever is let in runs as that Camunda user
 * ({@link EngineIdentityFilter}), so the engine's authorizations apply.
 *
 * <p>A change (POST, PUT, PATCH, DELETE) made with a session must carry the session's token in
 * {@code X-XSRF-TOKEN} ({@link SessionCsrfTokens}); HTTP Basic needs none. A change a browser marks as
 * sent by another site is refused whatever its credentials ({@link CrossSiteChangeFilter}).
 *
 * <p>Spring Security runs only where the hand-written filter ran before: on {@code /api/*} and
 * {@code /actuator/*}, after the login throttle and the security headers and before the body guard,
 * on the request's dispatch and again on its async dispatch ({@link RequestBodyGuard} reads a body
 * without a thread, then dispatches the request again; the user found on the first dispatch is kept in
 * the request for it). Boot's own registration (every path, order -100) is excluded in
 * {@code application.yaml}, so the Camunda webapps, engine-rest and the portal's page see no Spring
 * Security at all; so is Boot's generated default user. Nor does the public licence verification page
 * ({@code GET /verify/{code}}, the QR code of every certificate): it needs no login by design, and is
 * bounded per client address by the licence module's own throttle. No chain writes headers
 * ({@link SecurityHeadersFilter} does), keeps a session or remembers a request.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();
  static final RequestMatcher PORTAL = PATHS.matcher("/api/portal/**");
  static final RequestMatcher PUBLIC = new OrRequestMatcher(
      PATHS.matcher(HttpMethod.GET, "/api/calendar/**"),
      PATHS.matcher(HttpMethod.GET, "/actuator/health/**"),
      PATHS.matcher(HttpMethod.POST, "/api/precheck"),
      PATHS.matcher(HttpMethod.GET, "/api/portal/session"),
      PATHS.matcher(HttpMethod.POST, "/api/portal/session"));
  static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  /**
   * Where the chains below run, and when: {@code /api} and {@code /actuator} only, after the login
   * throttle and the security headers, before the body guard; on the async dispatch too.
   */
  @Bean
  DelegatingFilterProxyRegistrationBean apiSecurityFilter() {
    DelegatingFilterProxyRegistrationBean registration =
        new DelegatingFilterProxyRegistrationBean(AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME);
    registration.addUrlPatterns("/api/*", "/actuator/*");
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  ApiRefusals apiRefusals(ObjectMapper json) {
    return new ApiRefusals(json);
  }

  /** The public endpoints: nobody is authenticated, only changes from another site are refused. */
  @Bean
  @Order(1)
  SecurityFilterChain publicEndpoints(HttpSecurity http, ApiRefusals refusals) throws Exception {
    return plain(http.securityMatcher(PUBLIC), refusals)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  /** Everything else under {@code /api} and {@code /actuator}: a login and the right group. */
  @Bean
  @Order(2)
  SecurityFilterChain apiEndpoints(HttpSecurity http, ApiRefusals refusals, ProcessEngine engine,
      IdentityService identityService, PortalSessions portalSessions) throws Exception {
    RequestAttributeSecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
    String[] staff = Arrays.stream(StaffGroup.values()).map(StaffGroup::id).toArray(String[]::new);
    return plain(http.securityMatcher("/api/**", "/actuator/**"), refusals)
        .securityContext(context -> context.securityContextRepository(contexts))
        .authenticationManager(new ProviderManager(new CamundaPasswordAuthentication(engine)))
        .httpBasic(basic -> basic.authenticationEntryPoint(refusals).securityContextRepository(contexts))
        .addFilterBefore(new SessionAuthenticationFilter(identityService, portalSessions, contexts), CsrfFilter.class)
        .csrf(csrf -> csrf
            .requireCsrfProtectionMatcher(SessionCsrfTokens::required)
            .csrfTokenRepository(new SessionCsrfTokens())
            .csrfTokenRequestHandler(new SessionCsrfTokens.HeaderOnly()))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PORTAL).hasAuthority(CurrentUser.ENTERPRISE_GROUP)
            .anyRequest().hasAnyAuthority(staff))
        .addFilterAfter(new EngineIdentityFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /** What both chains share: the cross-site refusal first, JSON refusals, nothing else added. */
  private static HttpSecurity plain(HttpSecurity http, ApiRefusals refusals) throws Exception {
    return http
        .addFilterBefore(new CrossSiteChangeFilter(refusals), SecurityContextHolderFilter.class)
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .servletApi(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(exceptions -> exceptions
            .authenticationEntryPoint(refusals)
            .accessDeniedHandler(refusals));
  }
}
