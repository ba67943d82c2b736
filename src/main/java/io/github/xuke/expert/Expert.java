package io.github.xuke.expert;

import java.util.List;
import java.util.Set;

/**
 * An expert of the pool: who, what they know, where they work, and whom they must not review. An
 * expert not yet stored (checked input) has id 0.
 */
public record Expert(
    long id,
    String userId,
    String name,
    Set<Specialty> specialties,
    String employer,
    String employerCreditCode,
    String region,
    String phone,
    boolean active,
    List<Conflict> conflicts,
    String email) {

  public Expert {
    specialties = specialties == null ? Set.of() : Set.copyOf(specialties);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }

  /** A declared conflict of interest with an enterprise (申报回避). */
  public record Conflict(String creditCode, String reason) {}
}
