package io.github.xuke.system;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Camunda's authorization checks, and for the work on a task one rule more: only its assignee (or
 * owner) works it, or — while nobody has claimed it — a member of one of its candidate groups (or a
 * candidate user); a candidate may also hand it to someone else. A grant on the whole process
 * definition ({@link DefinitionTaskGrants}) lets a group read all its tasks, not work another group's:
 * the deputy director does not approve for the chief, a clerk does not complete an officer's
 * inspection, and nobody completes a task that a colleague has claimed (a {@code 409}, see
 * {@link EngineRestErrors.ClaimedMeanwhile}). The admin is not held to it.
 */
final class CandidateCommandChecker extends AuthorizationCommandChecker {

  @Override
  public void checkTaskWork(TaskEntity task) {
    super.checkTaskWork(task);
    requireWorker(task, Permissions.TASK_WORK, false);
  }

  @Override
  public void checkTaskAssign(TaskEntity task) {
    super.checkTaskAssign(task);
    requireWorker(task, Permissions.TASK_ASSIGN, true);
  }

  @Override
  public void checkUpdateTaskVariable(TaskEntity task) {
    super.checkUpdateTaskVariable(task);
    requireWorker(task, TaskPermissions.UPDATE_VARIABLE, false);
  }

  private static void requireWorker(TaskEntity task, Permission permission, boolean handingOver) {
    CommandContext context = Context.getCommandContext();
    Authentication user = context.getAuthentication();
    if (task.getExecutionId() == null || !context.isAuthorizationCheckEnabled()
        || !context.getProcessEngineConfiguration().isAuthorizationEnabled()
        || user == null || user.getUserId() == null || context.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    String me = user.getUserId();
    if (me.equals(task.getAssignee()) || me.equals(task.getOwner())) {
      return;
    }
    if ((handingOver || task.getAssignee() == null) && isCandidate(task, me, user.getGroupIds())) {
      return;
    }
    throw new AuthorizationException(me, permission.getName(), Resources.TASK.resourceName(), task.getId());
  }

  private static boolean isCandidate(TaskEntity task, String userId, List<String> groupIds) {
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (userId.equals(link.getUserId())
          || (link.getGroupId() != null && groupIds != null && groupIds.contains(link.getGroupId())))) {
        return true;
      }
    }
    return false;
  }
}
