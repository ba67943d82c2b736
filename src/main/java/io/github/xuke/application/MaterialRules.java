package io.github.xuke.application;

import io.github.xuke.licence.RequiredMaterial;
import java.util.Collection;
import java.util.List;

/**
 * The one rule for missing materials, used by the online pre-check and by the case itself, so the
 * two never disagree: a missing (or defective) key material means correction; missing or defective
 * non-key materials are tolerated (容缺受理); nothing outstanding means complete.
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

  /** The state of an item the clerk found missing or defective: a key one blocks, others are tolerated. */
  public static MaterialStatus statusOfAbsent(boolean key) {
    return key ? MaterialStatus.MISSING : MaterialStatus.TOLERATED;
  }

  /** The outcome of the materials of a case. */
  public static MaterialOutcome outcome(Collection<MaterialItem> items) {
    if (items.stream().anyMatch(MaterialItem::blocksAcceptance)) {
      return MaterialOutcome.KEY_MISSING;
    }
    return items.stream().anyMatch(item -> item.status().outstanding())
        ? MaterialOutcome.TOLERATED : MaterialOutcome.COMPLETE;
  }

  /** What an enterprise holding {@code held} would be told: the outcome and what it lacks. */
  public record Assessment(MaterialOutcome outcome, List<RequiredMaterial> missing) {}

  public static Assessment assess(List<RequiredMaterial> required, Collection<String> held) {
    List<RequiredMaterial> missing = required.stream().filter(material -> !held.contains(material.code())).toList();
    List<MaterialItem> items = required.stream().map(material -> new MaterialItem(0, 0, material.code(),
        material.name(), material.key(), statusOf(material, held.contains(material.code())), null, null,
        null, null, null, null)).toList();
    return new Assessment(outcome(items), missing);
  }
}
