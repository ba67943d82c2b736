package io.github.xuke.system;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * A login checked against Camunda's users, with the user's groups, in one engine command: the
 * password check and the group query share one transaction instead of one each (and no tenant query:
 * Xuke uses no tenants). Every request with HTTP Basic credentials, to {@code /api} and to
 * {@code /engine-rest}, is checked this way.
 */
final class CamundaLogins {

  private CamundaLogins() {}

  /** The user's group ids if the password is the user's; empty for a wrong user or password. */
  static Optional<List<String>> groupsIfPasswordMatches(ProcessEngine engine, String userId, String password) {
    if (userId == null || userId.isEmpty() || password == null) {
      return Optional.empty();
    }
    IdentityService identity = engine.getIdentityService();
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return configuration.getCommandExecutorTxRequired().execute(context ->
        identity.checkPassword(userId, password) ? Optional.of(groupIds(identity, userId)) : Optional.empty());
  }

  /** A user's group ids. */
  static List<String> groupIds(IdentityService identity, String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
