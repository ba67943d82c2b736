package io.github.xuke.document;

/**
 * What the documents module needs to know of the cases it files documents for, answered by the
 * module that owns the cases (the documents module never reads their tables).
 */
public interface DocumentOwners {

  /** Whether the case exists. */
  boolean caseExists(long applicationId);

  /** Whether the case asks for the material {@code materialCode}. */
  boolean hasMaterial(long applicationId, String materialCode);
}
