package io.github.xuke.licence;

import io.github.xuke.core.LimitUnit;
import io.github.xuke.system.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;

/**
 * The rules of {@code processes/licence-requirements.dmn}: the licence types the window handles,
 * their limits, and the materials each requires. Admins change them in Camunda Modeler; the latest
 * deployed version applies.
 */
@Service
public class LicenceRequirements {

  public static final String TYPE_RULES_DECISION = "LicenceTypeRules";
  public static final String REQUIRED_MATERIALS_DECISION = "LicenceRequiredMaterials";
  public static final String LICENCE_TYPE_INPUT = "licenceType";
  public static final String EXPERT_PANEL_DECISION = "ExpertPanelRules";

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final CurrentUser currentUser;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Map<String, Catalogue> catalogues = new ConcurrentHashMap<>();
  /** Decisions parsed from their deployed XML, by definition id: evaluating them leaves no history. */
  private final Map<String, DmnDecision> unrecordedDecisions = new ConcurrentHashMap<>();

  public LicenceRequirements(DecisionService decisionService, RepositoryService repositoryService,
      CurrentUser currentUser, ProcessEngineConfigurationImpl engineConfiguration) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.currentUser = currentUser;
    this.engineConfiguration = engineConfiguration;
  }

  /**
   * Evaluating the rules is the application's own business: staff may not evaluate decisions
   * themselves (through engine-rest), so it runs without the acting user's authorization checks.
   */
  private DmnDecisionResult evaluate(String decisionKey, String licenceType) {
    return currentUser.withoutAuthorization(() -> decisionService.evaluateDecisionByKey(decisionKey)
        .variables(Variables.putValue(LICENCE_TYPE_INPUT, licenceType))
        .evaluate());
  }

  /** The rule of a licence type, or empty for a code the decision does not know. */
  public Optional<LicenceTypeRule> typeRule(String licenceType) {
    return typeRule(licenceType, evaluate(TYPE_RULES_DECISION, licenceType));
  }

  /** A licence type's rule and the materials it requires. */
  public record TypeRequirements(LicenceTypeRule rule, List<RequiredMaterial> materials) {}

  /**
   * The rule and materials of a licence type as the public pre-check asks for them: the same latest
   * decisions, evaluated by the engine's DMN engine without writing decision history — a question from
   * the public is no case's record, and must not let anyone fill the history tables. Empty for a code
   * the decision does not know.
   */
  public Optional<TypeRequirements> unrecorded(String licenceType) {
    VariableMap input = Variables.putValue(LICENCE_TYPE_INPUT, licenceType);
    return typeRule(licenceType, evaluateUnrecorded(TYPE_RULES_DECISION, input)).map(rule ->
        new TypeRequirements(rule, requiredMaterials(evaluateUnrecorded(REQUIRED_MATERIALS_DECISION, input))));
  }

  /**
   * Evaluates the latest version of a decision as the DMN engine parsed it from the deployed XML (a
   * definition without an id). The engine's history listener records only evaluations of deployed
   * definitions, so nothing is written; parsing and evaluating run inside an engine command, as the
   * engine's DMN set-up expects.
   */
  private DmnDecisionResult evaluateUnrecorded(String decisionKey, VariableMap input) {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey)
        .latestVersion()
        .singleResult();
    if (definition == null) {
      throw new IllegalStateException("the decision " + decisionKey + " is not deployed");
    }
    DmnEngine dmnEngine = engineConfiguration.getDmnEngine();
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
      DmnDecision decision = unrecordedDecisions.computeIfAbsent(definition.getId(),
          id -> dmnEngine.parseDecision(decisionKey, repositoryService.getDmnModelInstance(id)));
      return dmnEngine.evaluateDecision(decision, input);
    });
  }

  private static Optional<LicenceTypeRule> typeRule(String licenceType, DmnDecisionResult result) {
    if (result.isEmpty()) {
      return Optional.empty();
    }
    DmnDecisionResultEntries row = result.getSingleResult();
    Number validity = (Number) row.getEntryMap().get("validityYears");
    return Optional.of(new LicenceTypeRule(
        licenceType,
        row.getEntry("licenceTypeName"),
        ((Number) row.getEntry("statutoryLimitValue")).intValue(),
        LimitUnit.valueOf(row.getEntry("statutoryLimitUnit")),
        ((Number) row.getEntry("committedLimitWorkingDays")).intValue(),
        validity == null ? null : validity.intValue(),
        row.getEntry("licenceNumberPrefix")));
  }

  /**
   * The expert panel of a licence type: its size, the specialties it must cover (in order), and
   * whether an intermediary technical agency supports the review.
   */
  public record PanelRule(int panelSize, List<String> requiredSpecialties, boolean technicalAgency) {}

  public Optional<PanelRule> panelRule(String licenceType) {
    DmnDecisionResult result = evaluate(EXPERT_PANEL_DECISION, licenceType);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    DmnDecisionResultEntries row = result.getSingleResult();
    String specialties = row.getEntry("requiredSpecialties");
    return Optional.of(new PanelRule(((Number) row.getEntry("panelSize")).intValue(),
        specialties == null || specialties.isBlank() ? List.of()
            : java.util.Arrays.stream(specialties.split(",")).map(String::strip).toList(),
        Boolean.TRUE.equals(row.getEntryMap().get("technicalAgency"))));
  }

  public static final String INSPECTION_CHECKLIST_DECISION = "InspectionChecklist";

  /** One item of a licence type's on-site checklist. */
  public record CheckItem(String code, String item) {}

  public List<CheckItem> inspectionChecklist(String licenceType) {
    List<CheckItem> items = new ArrayList<>();
    for (DmnDecisionResultEntries row : evaluate(INSPECTION_CHECKLIST_DECISION, licenceType)) {
      items.add(new CheckItem(row.getEntry("checkCode"), row.getEntry("checkItem")));
    }
    return items;
  }

  /** The materials a licence type requires, in the decision's order. */
  public List<RequiredMaterial> requiredMaterials(String licenceType) {
    return requiredMaterials(evaluate(REQUIRED_MATERIALS_DECISION, licenceType));
  }

  private static List<RequiredMaterial> requiredMaterials(DmnDecisionResult result) {
    List<RequiredMaterial> materials = new ArrayList<>();
    for (DmnDecisionResultEntries row : result) {
      materials.add(new RequiredMaterial(
          row.getEntry("materialCode"), row.getEntry("materialName"), row.getEntry("keyMaterial")));
    }
    return materials;
  }

  /** Every licence type of the latest decision, in the order of its rules. */
  public Collection<LicenceTypeRule> licenceTypes() {
    return catalogue().types.values();
  }

  /** Every material any licence type requires, by code. */
  public Map<String, RequiredMaterial> materialCatalogue() {
    return catalogue().materials;
  }

  private Catalogue catalogue() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(TYPE_RULES_DECISION)
        .latestVersion()
        .singleResult();
    if (definition == null) {
      throw new IllegalStateException("the decision " + TYPE_RULES_DECISION + " is not deployed");
    }
    return catalogues.computeIfAbsent(definition.getId(), id -> readCatalogue(definition));
  }

  private Catalogue readCatalogue(DecisionDefinition definition) {
    DmnModelInstance model = repositoryService.getDmnModelInstance(definition.getId());
    DecisionTable table = model.getModelElementById(TYPE_RULES_DECISION)
        .getChildElementsByType(DecisionTable.class).iterator().next();
    Map<String, LicenceTypeRule> types = new LinkedHashMap<>();
    Map<String, RequiredMaterial> materials = new LinkedHashMap<>();
    for (Rule rule : table.getRules()) {
      InputEntry entry = rule.getInputEntries().iterator().next();
      String code = entry.getText().getTextContent().trim().replace("\"", "");
      typeRule(code).ifPresent(type -> types.put(code, type));
      requiredMaterials(code).forEach(material -> materials.putIfAbsent(material.code(), material));
    }
    return new Catalogue(types, materials);
  }

  private record Catalogue(Map<String, LicenceTypeRule> types, Map<String, RequiredMaterial> materials) {}
}
