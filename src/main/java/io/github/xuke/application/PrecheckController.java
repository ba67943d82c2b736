package io.github.xuke.application;

import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.licence.LicenceTypeRule;
import io.github.xuke.licence.RequiredMaterial;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online pre-check (public): before applying, an enterprise learns which materials it lacks, which
 * of them are key, and whether it could be accepted with tolerance — by the same rules as the case.
 */
@RestController
public class PrecheckController {

  /** As {@code licence_application.licence_type}: no licence type's code is longer. */
  static final int MAX_LICENCE_TYPE = 60;
  /** Far more than any licence type requires. */
  static final int MAX_MATERIALS = 100;

  private final LicenceRequirements requirements;
  private final CurrentUser currentUser;

  public PrecheckController(LicenceRequirements requirements, CurrentUser currentUser) {
    this.requirements = requirements;
    this.currentUser = currentUser;
  }

  /** What the enterprise holds. */
  public record Precheck(String licenceType, List<String> materials) {}

  /** The answer: the outcome, every missing material, and a sentence for the enterprise. */
  public record Answer(String licenceType, String licenceTypeName, MaterialOutcome outcome,
      boolean acceptableWithTolerance, List<RequiredMaterial> missing, String message) {}

  @PostMapping("/api/precheck")
  public Answer precheck(@RequestBody Precheck precheck) {
    return currentUser.withoutAuthorization(() -> answer(precheck));
  }

  private Answer answer(Precheck precheck) {
    String type = TextFields.required(precheck.licenceType(), "licenceType", "申请许可事项", MAX_LICENCE_TYPE);
    LicenceRequirements.TypeRequirements found = requirements.unrecorded(type).orElseThrow(() ->
        new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_LICENCE_TYPE", "licenceType", "不受理的许可事项“" + type + "”"));
    LicenceTypeRule rule = found.rule();
    Set<String> held = new HashSet<>(TextFields.list(precheck.materials(), "materials", "所持材料", MAX_MATERIALS));
    MaterialRules.Assessment assessment = MaterialRules.assess(found.materials(), held);
    String message = switch (assessment.outcome()) {
      case COMPLETE -> "材料齐全，可以申请。";
      case TOLERATED -> "关键材料齐全，缺少的材料可容缺受理，受理后按一次性告知书补交。";
      case KEY_MISSING -> "缺少关键材料，须补齐后方可受理：" + String.join("、", assessment.missing().stream()
          .filter(RequiredMaterial::key).map(RequiredMaterial::name).toList());
    };
    return new Answer(type, rule.name(), assessment.outcome(), assessment.outcome() != MaterialOutcome.KEY_MISSING,
        assessment.missing(), message);
  }
}
