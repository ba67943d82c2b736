package io.github.xuke.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.TestHttp;
import io.github.xuke.XukeTest;
import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import io.github.xuke.licence.RequiredMaterial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public pre-check and the case itself agree, on every licence type and many combinations. */
@XukeTest
class PrecheckTest {

  static final int COMBINATIONS_PER_TYPE = 6;

  @LocalServerPort int port;
  @Autowired LicenceRequirements requirements;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

  @Test
  void thePrecheckAndTheCaseDecisionNeverDisagree() {
    TestHttp http = new TestHttp(port);
    Random random = new Random(20261126);
    int compared = 0;
    for (LicenceTypeRule type : requirements.licenceTypes()) {
      List<RequiredMaterial> required = requirements.requiredMaterials(type.code());
      for (int i = 0; i < COMBINATIONS_PER_TYPE; i++) {
        List<String> held = new ArrayList<>();
        for (RequiredMaterial material : required) {
          // first all, then none, then random halves
          if (i == 0 || (i > 1 && random.nextBoolean())) {
            held.add(material.code());
          }
        }
        JsonNode answer = http.postJson("/api/precheck", null, null,
            Map.of("licenceType", type.code(), "materials", held)).json();
        Map<String, Object> application = CaseDriver.apiApplication(CaseDriver.newCreditCode());
        application.put("licenceType", type.code());
        application.put("materials", held);
        String instance = http.postJson("/api/applications", "clerk", "demo", application).json()
            .path("processInstanceId").asText();
        String caseOutcome = LicenceApplicationProcess.Variables.MATERIAL_OUTCOME.from(runtimeService.getVariables(instance));

        assertThat(answer.path("outcome").asText()).as(type.code() + " " + held).isEqualTo(caseOutcome);
        assertThat(answer.path("missing").size()).isEqualTo(required.size() - held.size());
        assertThat(answer.path("acceptableWithTolerance").asBoolean()).isEqualTo(!caseOutcome.equals("KEY_MISSING"));
        compared++;
      }
    }
    assertThat(compared).isEqualTo(requirements.licenceTypes().size() * COMBINATIONS_PER_TYPE);
  }

  @Test
  void thePublicPrecheckWritesNoDecisionHistory() {
    TestHttp http = new TestHttp(port);
    int prechecks = 30;
    long before = historyService.createHistoricDecisionInstanceQuery().count();
    for (int i = 0; i < prechecks; i++) {
      JsonNode answer = http.postJson("/api/precheck", null, null,
          Map.of("licenceType", "HAZCHEM_PROJECT_DESIGN_REVIEW", "materials", List.of("APPLICATION_FORM"))).json();
      assertThat(answer.path("outcome").asText()).isEqualTo("KEY_MISSING");
      assertThat(answer.path("licenceTypeName").asText()).isNotBlank();
    }
    long written = historyService.createHistoricDecisionInstanceQuery().count() - before;
    System.out.println(prechecks + " prechecks wrote " + written + " historic decision instances");
    assertThat(written).isZero();
  }

  @Test
  void namesTheMissingKeyMaterialsAndRefusesUnknownTypes() {
    TestHttp http = new TestHttp(port);
    JsonNode answer = http.postJson("/api/precheck", null, null,
        Map.of("licenceType", "HAZCHEM_PROJECT_DESIGN_REVIEW", "materials", List.of("APPLICATION_FORM"))).json();
    assertThat(answer.path("outcome").asText()).isEqualTo("KEY_MISSING");
    assertThat(answer.path("message").asText()).contains("安全设施设计专篇", "安全评价报告");
    assertThat(http.postJson("/api/precheck", null, null, Map.of("licenceType", "NOPE")).status()).isEqualTo(400);
  }
}
