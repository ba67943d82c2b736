package io.github.xuke.expert;

import java.util.Arrays;
import java.util.Optional;

/** The specialties of the expert pool, as the licence rules ask for them. */
public enum Specialty {
  CHEMICAL_PROCESS("化工工艺"),
  ELECTRICAL("电气"),
  FIRE("消防"),
  FIREWORKS("烟花爆竹"),
  STORAGE("储运"),
  EQUIPMENT("设备"),
  SAFETY_MANAGEMENT("安全管理");

  private final String displayName;

  Specialty(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** By code (CHEMICAL_PROCESS) or by Chinese name (化工工艺). */
  public static Optional<Specialty> parse(String text) {
    String value = text == null ? "" : text.strip();
    return Arrays.stream(values())
        .filter(specialty -> specialty.name().equalsIgnoreCase(value) || specialty.displayName.equals(value))
        .findFirst();
  }
}
