package io.github.xuke.expert;

import java.util.List;

/** The body of {@code POST/PUT /api/experts}: specialties by Chinese name or code. */
public record ExpertRequest(
    String userId,
    String name,
    List<String> specialties,
    String employer,
    String employerCreditCode,
    String region,
    String phone,
    Boolean active,
    List<ConflictRequest> conflicts,
    String email) {

  /** Without an e-mail address (the expert is told in Tasklist only). */
  public ExpertRequest(String userId, String name, List<String> specialties, String employer,
      String employerCreditCode, String region, String phone, Boolean active, List<ConflictRequest> conflicts) {
    this(userId, name, specialties, employer, employerCreditCode, region, phone, active, conflicts, null);
  }

  public record ConflictRequest(String creditCode, String reason) {}
}
