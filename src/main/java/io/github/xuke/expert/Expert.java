package io.github.xuke.expert;

import java.util.List;
import java.util.Set;

/** An expert of the pool: who, what they know, where they work, and whom they must not review. */
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

  /** A declared conflict of interest with an enterprise (申报回避). */
  public record Conflict(String creditCode, String reason) {}
}
