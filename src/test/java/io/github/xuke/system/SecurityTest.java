package io.github.xuke.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import java.util.List;
import java.util.Map;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody gets in without a login; the engine is configured safely. */
@XukeTest
class SecurityTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @LocalServerPort int port;

  @Test
  void engineRestNeedsHttpBasic() {
    TestHttp http = new TestHttp(port);
    assertThat(http.get("/engine-rest/process-definition", null, null).status()).isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition?maxResults=5", "admin", "xuke-admin").status())
        .isEqualTo(200);
  }

  @Test
  void appApiNeedsAStaffLoginExceptTheCalendar() {
    TestHttp http = new TestHttp(port);
    TestHttp.Response anonymous = http.get("/api/applications/1", null, null);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().path("message").asText()).contains("请先登录");
    assertThat(http.postJson("/api/applications", null, null, Map.of()).status()).isEqualTo(401);
    assertThat(http.get("/api/calendar/deadline?from=2026-03-02&workingDays=5", null, null).status())
        .isEqualTo(200);
  }

  @Test
  void firstAdminSetupIsClosed() {
    long users = identityService.createUserQuery().count();
    TestHttp.Response response = new TestHttp(port).postJson(
        "/camunda/api/admin/setup/default/user/create", null, null,
        Map.of("profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y"),
            "credentials", Map.of("password", "intruder1")));
    assertThat(response.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void engineIsConfiguredSafely() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(configuration.getDefaultSerializationFormat()).isEqualTo("application/json");
    // only the engine's own expression languages (FEEL for DMN, JUEL for ${...}); no scripting language
    ScriptEngineManager scripts = new ScriptEngineManager();
    assertThat(scripts.getEngineFactories()).allSatisfy(factory ->
        assertThat(factory.getLanguageName()).isIn("feel", "feel-unary-tests", "JSP 2.1 EL"));
    for (String language : List.of("javascript", "js", "graal.js", "nashorn", "groovy", "python", "ruby", "kotlin")) {
      assertThat(scripts.getEngineByName(language)).as(language).isNull();
    }
  }

  /** An endpoint declares its groups ({@code @AllowedGroups}); anyone else is refused in Chinese before it runs. */
  @Test
  void anEndpointsGroupsAreDeclaredAndTheRefusalSaysWho() {
    TestHttp http = new TestHttp(port);
    TestHttp.Response refused = http.get("/api/notifications", "clerk", "demo");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().path("message").asText()).isEqualTo("仅窗口首席代表和管理员可以查看通知发送情况");
    assertThat(http.get("/api/notifications", "chief", "demo").status()).isEqualTo(200);
    assertThat(http.get("/api/notifications", "admin", "xuke-admin").status()).as("the administrator passes").isEqualTo(200);
    TestHttp.Response named = http.get("/api/staff-districts", "clerk", "demo");
    assertThat(named.status()).isEqualTo(403);
    assertThat(named.json().path("message").asText()).contains("仅限", "管理员");
  }
}
