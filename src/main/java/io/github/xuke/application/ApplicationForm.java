package io.github.xuke.application;

import java.util.List;

/**
 * What the enterprise hands in at 收件: who it is, what licence it asks for, which materials it
 * brought (material codes of the licence requirements decision).
 */
public record ApplicationForm(
    String enterpriseName,
    String creditCode,
    String contactName,
    String contactPhone,
    String licenceType,
    List<String> materials) {

  public ApplicationForm {
    materials = materials == null ? List.of()
        : materials.stream().map(code -> code == null ? "" : code).toList();
  }
}
