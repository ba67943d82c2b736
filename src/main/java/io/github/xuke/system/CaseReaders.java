package io.github.xuke.system;

import java.util.Collection;

/**
 * A feature's say in who outside the bureau's own staff may read a case: the expert module lets a
 * drawn expert read the case while assigned. {@link CaseAccess} asks every such bean.
 */
public interface CaseReaders {

  /** Whether this user (with these groups) may read the case. */
  boolean mayRead(String userId, Collection<String> groupIds, long applicationId);
}
