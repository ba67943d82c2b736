package io.github.xuke.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The decision test class of {@code processes/licence-requirements.dmn}, on the DMN engine alone: what
 * each licence type's rules say, and every rule of every decision table matched by one of the types
 * (rule coverage 100 %, checked in the same test that evaluates them, so it cannot be skipped).
 */
class LicenceRequirementsDecisionTest {

  static final List<String> TYPES = List.of("HAZCHEM_OPERATION_STORAGE", "HAZCHEM_SAFE_USE", "FIREWORKS_WHOLESALE",
      "HAZCHEM_PROJECT_DESIGN_REVIEW", "PRECURSOR_CHEM_RECORD");

  final Set<String> matchedRules = new HashSet<>();
  final Map<String, DmnDecision> decisions;
  final DmnEngine engine;

  LicenceRequirementsDecisionTest() throws IOException {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules()
        .forEach(rule -> matchedRules.add(event.getDecision().getKey() + "/" + rule.getId()))));
    engine = configuration.buildEngine();
    try (InputStream dmn = Files.newInputStream(Path.of("processes/licence-requirements.dmn"))) {
      decisions = engine.parseDecisions(dmn).stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
    }
  }

  private DmnDecisionResult evaluate(String decision, String licenceType) {
    return engine.evaluateDecision(decisions.get(decision),
        Variables.createVariables().putValue("licenceType", licenceType));
  }

  @Test
  void everyTypeHasItsLimitsMaterialsPanelAndChecklistAndEveryRuleIsUsed() {
    for (String type : TYPES) {
      DmnDecisionResult rules = evaluate(LicenceRequirements.TYPE_RULES_DECISION, type);
      assertThat(rules).as(type).hasSize(1);
      Map<String, Object> rule = rules.getSingleResult().getEntryMap();
      assertThat((String) rule.get("licenceTypeName")).as(type).isNotBlank();
      assertThat(rule.get("statutoryLimitUnit")).as(type).isIn("DAYS", "WORKING_DAYS");
      assertThat(((Number) rule.get("committedLimitWorkingDays")).intValue())
          .as("%s: the promise is no longer than the law", type)
          .isPositive().isLessThanOrEqualTo(((Number) rule.get("statutoryLimitValue")).intValue());
      assertThat((String) rule.get("licenceNumberPrefix")).as(type).isNotBlank();

      List<Map<String, Object>> materials =
          evaluate(LicenceRequirements.REQUIRED_MATERIALS_DECISION, type).getResultList();
      assertThat(materials).as("%s has materials", type).isNotEmpty();
      assertThat(materials).as("%s has a key material", type)
          .anyMatch(material -> Boolean.TRUE.equals(material.get("keyMaterial")));
      assertThat(materials.stream().map(material -> material.get("materialCode")).distinct().count())
          .as("%s: material codes are unique", type).isEqualTo(materials.size());

      assertThat(evaluate(LicenceRequirements.EXPERT_PANEL_DECISION, type).getResultList()).as(type).hasSize(1);
      assertThat(evaluate(LicenceRequirements.INSPECTION_CHECKLIST_DECISION, type).getResultList()).as(type)
          .isNotEmpty().allSatisfy(item -> assertThat((String) item.get("checkItem")).isNotBlank());
    }
    Set<String> allRules = new HashSet<>();
    decisions.values().stream().filter(DmnDecision::isDecisionTable).forEach(decision ->
        ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules()
            .forEach(rule -> allRules.add(decision.getKey() + "/" + rule.getId())));
    assertThat(allRules).as("the rules of the four decision tables").hasSize(59);
    assertThat(matchedRules).as("every rule of the DMN is used by a licence type").containsAll(allRules);
  }

  @Test
  void theStatedLimitsOfTheTypes() {
    Map<String, Object> safeUse = evaluate(LicenceRequirements.TYPE_RULES_DECISION, "HAZCHEM_SAFE_USE")
        .getSingleResult().getEntryMap();
    assertThat(safeUse).containsEntry("licenceTypeName", "危险化学品安全使用许可证")
        .containsEntry("statutoryLimitUnit", "DAYS").containsEntry("licenceNumberPrefix", "危化使字");
    assertThat(((Number) safeUse.get("statutoryLimitValue")).intValue()).isEqualTo(45);
    assertThat(((Number) safeUse.get("committedLimitWorkingDays")).intValue()).isEqualTo(5);
    assertThat(((Number) safeUse.get("validityYears")).intValue()).isEqualTo(3);
    Map<String, Object> design = evaluate(LicenceRequirements.TYPE_RULES_DECISION, "HAZCHEM_PROJECT_DESIGN_REVIEW")
        .getSingleResult().getEntryMap();
    assertThat(design).containsEntry("statutoryLimitUnit", "WORKING_DAYS");
    assertThat(design.get("validityYears")).as("a design review issues no licence that expires").isNull();
  }

  @Test
  void anUnknownTypeHasNoRulesAtAll() {
    assertThat(evaluate(LicenceRequirements.TYPE_RULES_DECISION, "NO_SUCH_TYPE").getResultList()).isEmpty();
    assertThat(evaluate(LicenceRequirements.REQUIRED_MATERIALS_DECISION, "NO_SUCH_TYPE").getResultList()).isEmpty();
    assertThat(evaluate(LicenceRequirements.EXPERT_PANEL_DECISION, "NO_SUCH_TYPE").getResultList()).isEmpty();
  }
}
