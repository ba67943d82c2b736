package io.github.xuke.application;

import io.github.xuke.licence.RequiredMaterial;
import java.util.Collection;
import java.util.List;

/**
 * The one rule for missing materials, used by the online pre-check and by the case itself, so the
 * two never disagree: a missing key material means correction; missing non-key materials are
 * tolerated (容缺受理); nothing missing means complete.
 */
public final class MaterialRules {

  private MaterialRules() {}

  /** The state a required material takes when it is, or is not, handed in. */
  public static MaterialStatus statusOf(RequiredMaterial required, boolean handedIn) {
    if (handedIn) {
      return MaterialStatus.SUBMITTED;
    }
    return required.key() ? MaterialStatus.MISSING : MaterialStatus.TOLERATED;
  }

  /** The outcome of a set of material states. */
  public static MaterialOutcome outcome(Collection<MaterialStatus> states) {
    if (states.contains(MaterialStatus.MISSING)) {
      return MaterialOutcome.KEY_MISSING;
    }
    return states.contains(MaterialStatus.TOLERATED) ? MaterialOutcome.TOLERATED : MaterialOutcome.COMPLETE;
  }

  /** What an enterprise holding {@code held} would be told: the outcome and what it lacks. */
  public record Assessment(MaterialOutcome outcome, List<RequiredMaterial> missing) {}

  public static Assessment assess(List<RequiredMaterial> required, Collection<String> held) {
    List<RequiredMaterial> missing = required.stream().filter(material -> !held.contains(material.code())).toList();
    return new Assessment(outcome(required.stream()
        .map(material -> statusOf(material, held.contains(material.code()))).toList()), missing);
  }
}
