package io.github.xuke.expert;

import java.util.List;

/** An intermediary technical agency (中介技术机构) that may support the technical review. */
public record TechnicalAgency(
    long id,
    String name,
    String creditCode,
    String qualification,
    String contactName,
    String phone,
    boolean active,
    List<Expert.Conflict> conflicts) {}
