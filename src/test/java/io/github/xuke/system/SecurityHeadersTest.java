package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.SessionHttp;
import io.github.xuke.XukeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The portal is at /portal/, and the portal and the API tell browsers what they may do with them. */
@XukeTest
class SecurityHeadersTest {

  @LocalServerPort int port;

  @Test
  void thePortalAnswersAtItsFolderAddress() {
    SessionHttp http = new SessionHttp(port);
    SessionHttp.Response page = http.get("/portal/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).contains("企业服务平台", "<script src=\"portal.js\">");
    SessionHttp.Response folder = http.get("/portal");
    assertThat(folder.status()).isEqualTo(302);
    assertThat(folder.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/portal/"));
  }

  @Test
  void thePortalAndTheApiCarryTheBrowserProtections() {
    SessionHttp http = new SessionHttp(port);
    for (String path : new String[] {"/portal/", "/portal/portal.js", "/api/calendar/years", "/api/applications/1"}) {
      SessionHttp.Response response = http.get(path);
      assertThat(response.header("Content-Security-Policy")).as(path)
          .hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
      assertThat(response.header("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.header("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.header("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(response.header("Strict-Transport-Security")).as(path + " over plain HTTP").isEmpty();
    }
    assertThat(SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
        .contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(http.get("/camunda/app/tasklist/default/").header("Content-Security-Policy"))
        .as("the webapps keep their own policy")
        .hasValueSatisfying(policy -> assertThat(policy).isNotEqualTo(SecurityHeadersFilter.CONTENT_SECURITY_POLICY));
  }

  @Test
  void hstsOnlyOverTls() throws Exception {
    SecurityHeadersFilter filter = new SecurityHeadersFilter();
    MockHttpServletRequest overTls = new MockHttpServletRequest("GET", "/portal/");
    overTls.setSecure(true);
    MockHttpServletResponse secured = new MockHttpServletResponse();
    filter.doFilter(overTls, secured, new MockFilterChain());
    assertThat(secured.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");

    MockHttpServletResponse plain = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest("GET", "/portal/"), plain, new MockFilterChain());
    assertThat(plain.getHeader("Strict-Transport-Security")).isNull();
  }

  /** The policy forbids inline script and style: the page must have none, or it breaks in the browser. */
  @Test
  void thePortalPageHasNoInlineScriptHandlerOrStyle() throws IOException {
    String page = new ClassPathResource("static/portal/index.html").getContentAsString(StandardCharsets.UTF_8);
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE).matcher(page).find())
        .as("inline <script>").isFalse();
    assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
        .as("inline event handler").isFalse();
    assertThat(Pattern.compile("<style|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find())
        .as("inline style").isFalse();
    String script = new ClassPathResource("static/portal/portal.js").getContentAsString(StandardCharsets.UTF_8);
    assertThat(script).doesNotContain("innerHTML", "eval(", "new Function", "setAttribute('style'",
        "sessionStorage", "localStorage");
  }
}
