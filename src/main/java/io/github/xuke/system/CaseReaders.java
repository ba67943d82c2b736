package io.github.xuke.system;

import java.util.Collection;

/**
 * A feature's say in who outside the bureau's own staff may read a case: the expert module lets a
 * drawn expert read the case while assigned; the district bureau reads what was issued to the
 * enterprises of its district. {@link CaseAccess} asks every such bean.
 */
public interface CaseReaders {

  /** Whether this user (with these groups) may read the case file. */
  boolean mayRead(String userId, Collection<String> groupIds, long applicationId);

  /** Whether this user may read what the case issued — its notices and licence — without its file. */
  default boolean mayReadIssued(String userId, Collection<String> groupIds, long applicationId) {
    return false;
  }
}
