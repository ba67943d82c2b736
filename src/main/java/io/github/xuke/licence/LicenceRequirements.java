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
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
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

  private final RepositoryService repositoryService;
  private final CurrentUser currentUser;
  private final ProcessEngineConfigurationImpl engineConfiguration;
  private final Map<String, Catalogue> catalogues = new ConcurrentHashMap<>();
  /** Decisions parsed from their deployed XML, by definition id: evaluating them leaves no history. */
  private final Map<String, DmnDecision> parsedDecisions = new ConcurrentHashMap<>();
  /**
   * The rows a deployed definition (its id never changes what it says) gives for a licence type, at most
   * {@link #CACHED_RESULTS} of them, the least recently asked dropped first: a code the public typed in
   * costs one evaluation, never memory without bound.
   */
  private final Map<String, List<Map<String, Object>>> results = java.util.Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Map<String, Object>>> eldest) {
          return size() > CACHED_RESULTS;
        }
      });
  static final int CACHED_RESULTS = 2_000;

  public LicenceRequirements(RepositoryService repositoryService, CurrentUser currentUser,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.repositoryService = repositoryService;
    this.currentUser = currentUser;
    this.engineConfiguration = engineConfiguration;
  }

  /**
   * The rows of the latest deployed version of a decision for a licence type. The rules are the
   * bureau's configuration, not a case's record: they are evaluated by the engine's DMN engine from the
   * deployed XML, once per definition and licence type, and leave no decision history (what the case
   * took from them — its materials, limits, licence type name — is stored on the case at intake).
   * Staff may not evaluate decisions themselves (through engine-rest), so finding the latest version
   * runs without the acting user's authorization checks.
   */
  private List<Map<String, Object>> evaluate(String decisionKey, String licenceType) {
    String definitionId = latestDefinitionId(decisionKey);
    String key = definitionId + "\n" + licenceType;
    List<Map<String, Object>> rows = results.get(key);
    if (rows == null) {
      rows = evaluate(definitionId, decisionKey, Variables.putValue(LICENCE_TYPE_INPUT, licenceType));
      results.put(key, rows);
    }
    return rows;
  }

  private String latestDefinitionId(String decisionKey) {
    DecisionDefinition definition = currentUser.withoutAuthorization(() ->
        repositoryService.createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .latestVersion()
            .singleResult());
    if (definition == null) {
      throw new IllegalStateException("the decision " + decisionKey + " is not deployed");
    }
    return definition.getId();
  }

  /** The rule of a licence type, or empty for a code the decision does not know. */
  public Optional<LicenceTypeRule> typeRule(String licenceType) {
    return typeRule(licenceType, evaluate(TYPE_RULES_DECISION, licenceType));
  }

  /** A licence type's rule and the materials it requires. */
  public record TypeRequirements(LicenceTypeRule rule, List<RequiredMaterial> materials) {}

  /**
   * The rule and materials of a licence type as the public pre-check asks for them; empty for a code
   * the decision does not know. Like every evaluation here it writes no decision history: a question
   * from the public must not let anyone fill the history tables.
   */
  public Optional<TypeRequirements> unrecorded(String licenceType) {
    return typeRule(licenceType).map(rule -> new TypeRequirements(rule, requiredMaterials(licenceType)));
  }

  /**
   * Evaluates a deployed definition as the DMN engine parsed it from its XML (a definition without an
   * id): the engine's history listener records only evaluations of deployed definitions, so nothing is
   * written. Parsing and evaluating run inside an engine command, as the engine's DMN set-up expects.
   */
  private List<Map<String, Object>> evaluate(String definitionId, String decisionKey, VariableMap input) {
    DmnEngine dmnEngine = engineConfiguration.getDmnEngine();
    return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
      DmnDecision decision = parsedDecisions.computeIfAbsent(definitionId,
          id -> dmnEngine.parseDecision(decisionKey, repositoryService.getDmnModelInstance(id)));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (DmnDecisionResultEntries row : dmnEngine.evaluateDecision(decision, input)) {
        rows.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row.getEntryMap())));
      }
      return List.copyOf(rows);
    });
  }

  private static Optional<LicenceTypeRule> typeRule(String licenceType, List<Map<String, Object>> result) {
    if (result.isEmpty()) {
      return Optional.empty();
    }
    if (result.size() > 1) {
      throw new IllegalStateException("the decision " + TYPE_RULES_DECISION + " has " + result.size()
          + " rules for " + licenceType);
    }
    Map<String, Object> row = result.get(0);
    Number validity = (Number) row.get("validityYears");
    return Optional.of(new LicenceTypeRule(
        licenceType,
        (String) row.get("licenceTypeName"),
        ((Number) row.get("statutoryLimitValue")).intValue(),
        LimitUnit.valueOf((String) row.get("statutoryLimitUnit")),
        ((Number) row.get("committedLimitWorkingDays")).intValue(),
        validity == null ? null : validity.intValue(),
        (String) row.get("licenceNumberPrefix"),
        (String) row.get("regulation"),
        particulars((String) row.get("certificateParticulars"))));
  }

  private static java.util.Set<CertificateParticular> particulars(String codes) {
    java.util.Set<CertificateParticular> particulars = java.util.EnumSet.noneOf(CertificateParticular.class);
    if (codes != null) {
      for (String code : codes.split(",")) {
        if (!code.isBlank()) {
          particulars.add(CertificateParticular.valueOf(code.strip()));
        }
      }
    }
    return particulars;
  }

  /**
   * The expert panel of a licence type: its size, the specialties it must cover (in order), and
   * whether an intermediary technical agency supports the review.
   */
  public record PanelRule(int panelSize, List<String> requiredSpecialties, boolean technicalAgency) {}

  public Optional<PanelRule> panelRule(String licenceType) {
    List<Map<String, Object>> result = evaluate(EXPERT_PANEL_DECISION, licenceType);
    if (result.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = result.get(0);
    String specialties = (String) row.get("requiredSpecialties");
    return Optional.of(new PanelRule(((Number) row.get("panelSize")).intValue(),
        specialties == null || specialties.isBlank() ? List.of()
            : java.util.Arrays.stream(specialties.split(",")).map(String::strip).toList(),
        Boolean.TRUE.equals(row.get("technicalAgency"))));
  }

  public static final String INSPECTION_CHECKLIST_DECISION = "InspectionChecklist";

  /** One item of a licence type's on-site checklist. */
  public record CheckItem(String code, String item) {}

  public List<CheckItem> inspectionChecklist(String licenceType) {
    List<CheckItem> items = new ArrayList<>();
    for (Map<String, Object> row : evaluate(INSPECTION_CHECKLIST_DECISION, licenceType)) {
      items.add(new CheckItem((String) row.get("checkCode"), (String) row.get("checkItem")));
    }
    return items;
  }

  /** The materials a licence type requires, in the decision's order. */
  public List<RequiredMaterial> requiredMaterials(String licenceType) {
    List<RequiredMaterial> materials = new ArrayList<>();
    for (Map<String, Object> row : evaluate(REQUIRED_MATERIALS_DECISION, licenceType)) {
      materials.add(new RequiredMaterial((String) row.get("materialCode"), (String) row.get("materialName"),
          (Boolean) row.get("keyMaterial")));
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
    return catalogues.computeIfAbsent(latestDefinitionId(TYPE_RULES_DECISION), this::readCatalogue);
  }

  private Catalogue readCatalogue(String definitionId) {
    DmnModelInstance model = repositoryService.getDmnModelInstance(definitionId);
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
