package io.github.xuke.expert;

import java.util.List;
import java.util.Set;

/** What the bureau writes about an expert (API body, CSV row), checked by {@link ExpertService}. */
public record ExpertData(
    String userId,
    String name,
    Set<Specialty> specialties,
    String employer,
    String employerCreditCode,
    String region,
    String phone,
    boolean active,
    List<Expert.Conflict> conflicts,
    String email) {

  public ExpertData {
    specialties = specialties == null ? Set.of() : Set.copyOf(specialties);
    conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
  }
}
