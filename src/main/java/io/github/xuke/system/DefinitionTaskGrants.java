package io.github.xuke.system;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The bureau's own groups read and work the tasks of a process once per process definition, not once
 * per task. Camunda's default writes an authorization row for every candidate group of every task, and
 * its task query joins that table to every task of a Tasklist filter (issue 11: the officer's list at
 * 10,000 open cases, 2.4 s). Instead, a definition in whose user tasks a bureau group is named as a
 * candidate group (a fixed name, not an expression) grants that group {@link #PERMISSIONS} on the
 * definition's key, when the definition is deployed; its tasks then get no per-task row for that group.
 *
 * <p>What that changes: the bureau's staff, who read every case anyway ({@link CaseAccess#BUREAU}), also
 * read every open task and the variables of every case of a process in which their group has a step
 * (the clerk sees the officer's inspection task, as on the case file). Working a task stays with its candidates and its assignee:
 * {@link CandidateCommandChecker}. Every other group — experts, district bureaus, enterprises — keeps
 * Camunda's per-task rows, and so reads only its own tasks.
 */
final class DefinitionTaskGrants {

  /**
   * What a candidate group holds on the definition: its tasks, and reading its instances (what Tasklist's
   * list columns and forms read: Camunda's variable query asks for READ_INSTANCE, not READ_TASK); the
   * candidate rule narrows the working permissions to a task's candidates.
   */
  static final Permission[] PERMISSIONS = {ProcessDefinitionPermissions.READ_TASK,
      ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.TASK_WORK,
      ProcessDefinitionPermissions.TASK_ASSIGN, ProcessDefinitionPermissions.UPDATE_TASK_VARIABLE};

  /** The groups granted per definition: the bureau's own, but not the admin (who holds everything). */
  static final Set<String> GROUPS = CaseAccess.BUREAU.stream().filter(group -> group != StaffGroup.ADMIN)
      .map(StaffGroup::id).collect(Collectors.toUnmodifiableSet());

  /**
   * Grants what the latest version of every process needs, where it was deployed before Xuke granted per
   * definition (a database of an earlier release); a definition deployed since brought its grants along.
   */
  void grantDeployed(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    RepositoryServiceImpl repository = (RepositoryServiceImpl) engine.getRepositoryService();
    for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().listPage(0, 2000)) {
      boolean granted = authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
          .resourceId(latest.getKey()).groupIdIn(GROUPS.toArray(String[]::new))
          .hasPermission(ProcessDefinitionPermissions.TASK_WORK).count() > 0;
      if (!granted) {
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity) repository.getDeployedProcessDefinition(latest.getId());
        for (String group : candidateGroups(definition)) {
          IdentitySeeder.grant(authorizations, StaffGroup.byId(group).orElseThrow(), Resources.PROCESS_DEFINITION,
              latest.getKey(), PERMISSIONS);
        }
      }
    }
  }

  /** Per process definition id: its candidate groups whose grant on the key is in the database. */
  private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();

  /** The bureau groups that the definition's user tasks name as candidate groups. */
  static Set<String> candidateGroups(ScopeImpl scope) {
    Set<String> groups = new LinkedHashSet<>();
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        for (Expression expression : userTask.getTaskDefinition().getCandidateGroupIdExpressions()) {
          String text = expression.getExpressionText();
          if (text != null && !text.contains("${") && !text.contains("#{") && GROUPS.contains(text.trim())) {
            groups.add(text.trim());
          }
        }
      }
      groups.addAll(candidateGroups(activity));
    }
    return groups;
  }

  /**
   * The grants a newly deployed definition needs, as Camunda's provider returns them: new rows, or the
   * group's existing row on the key (an earlier version's) with the permissions added.
   */
  AuthorizationEntity[] forNewDefinition(ProcessDefinitionEntity definition) {
    AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
    return candidateGroups(definition).stream().map(group -> {
      AuthorizationEntity grant = grantOnKey(authorizations, group, definition.getKey());
      if (grant == null) {
        grant = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(definition.getKey());
      } else if (holdsAll(grant)) {
        return null;
      }
      for (Permission permission : PERMISSIONS) {
        grant.addPermission(permission);
      }
      return grant;
    }).filter(grant -> grant != null).toArray(AuthorizationEntity[]::new);
  }

  /**
   * Whether the group reads and works this definition's tasks by its grant on the definition, so that a
   * task needs no row of its own for it: the group is one of the definition's candidate groups and the
   * grant is there (a definition deployed before Xuke granted per definition keeps the per-task rows
   * until the next start grants it, {@link #grantDeployed}). Read once per definition and node.
   */
  boolean covers(ProcessDefinitionEntity definition, String groupId) {
    Set<String> groups = granted.get(definition.getId());
    if (groups == null) {
      AuthorizationManager authorizations = Context.getCommandContext().getAuthorizationManager();
      groups = candidateGroups(definition).stream()
          .filter(group -> holdsAll(grantOnKey(authorizations, group, definition.getKey())))
          .collect(Collectors.toUnmodifiableSet());
      granted.put(definition.getId(), groups);
    }
    return groups.contains(groupId);
  }

  private static AuthorizationEntity grantOnKey(AuthorizationManager authorizations, String group, String key) {
    return authorizations.findAuthorizationByGroupIdAndResourceId(Authorization.AUTH_TYPE_GRANT, group,
        Resources.PROCESS_DEFINITION, key);
  }

  private static boolean holdsAll(AuthorizationEntity grant) {
    return grant != null && Arrays.stream(PERMISSIONS).allMatch(grant::isPermissionGranted);
  }
}
