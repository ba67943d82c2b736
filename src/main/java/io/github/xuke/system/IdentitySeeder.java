package io.github.xuke.system;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings users, groups, permissions and Tasklist filters to what the bureau needs, at every start
 * and without touching what admins changed: missing groups, the admin, permissions and filters are
 * created; on a database without users, the demo staff too.
 */
public class IdentitySeeder extends AbstractProcessEnginePlugin {

  /** The password of every demo user (see README). */
  public static final String DEMO_PASSWORD = "demo";
  static final String TASKLIST = "tasklist";
  static final String COCKPIT = "cockpit";
  private static final Logger log = LoggerFactory.getLogger(IdentitySeeder.class);

  /**
   * A demo user: id, 姓, 名, group. Camunda's webapps write a user's name as "first last" (窗口 王), so a
   * Chinese name is stored whole, family name first, as the first name, with no last name (王窗口): the
   * header, the task list, Cockpit and Xuke's own documents then all read 王窗口.
   */
  record DemoUser(String id, String familyName, String givenName, StaffGroup group) {
    String fullName() {
      return familyName + givenName;
    }
  }

  /** The administrator's name, stored as the demo users' are. */
  static final String ADMIN_NAME = "系统管理员";

  static final List<DemoUser> DEMO_USERS = List.of(
      new DemoUser("clerk", "王", "窗口", StaffGroup.WINDOW_CLERK),
      new DemoUser("clerk2", "周", "受理", StaffGroup.WINDOW_CLERK),
      new DemoUser("officer", "李", "承办", StaffGroup.CASE_OFFICER),
      new DemoUser("officer2", "吴", "执法", StaffGroup.CASE_OFFICER),
      new DemoUser("expert", "张", "专家", StaffGroup.EXPERT),
      new DemoUser("expert2", "刘", "评审", StaffGroup.EXPERT),
      new DemoUser("expert3", "王", "消防", StaffGroup.EXPERT),
      new DemoUser("expert4", "陈", "储运", StaffGroup.EXPERT),
      new DemoUser("expert5", "杨", "烟花", StaffGroup.EXPERT),
      new DemoUser("expert6", "黄", "电气", StaffGroup.EXPERT),
      new DemoUser("chief", "赵", "首席", StaffGroup.CHIEF_REPRESENTATIVE),
      new DemoUser("deputy", "陈", "局长", StaffGroup.DEPUTY_DIRECTOR),
      new DemoUser("liaison", "孙", "挂包", StaffGroup.LIAISON_CADRE),
      new DemoUser("party", "吴", "党委", StaffGroup.PARTY_COMMITTEE),
      new DemoUser("district", "郑", "区县", StaffGroup.DISTRICT_BUREAU));

  private final XukeProperties properties;
  private final List<ProcessStarters> starters;
  private final TaskListColumns columns;
  private final DefinitionTaskGrants definitionGrants;

  IdentitySeeder(XukeProperties properties, List<ProcessStarters> starters, TaskListColumns columns,
      DefinitionTaskGrants definitionGrants) {
    this.properties = properties;
    this.starters = List.copyOf(starters);
    this.columns = columns;
    this.definitionGrants = definitionGrants;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    IdentityService identity = engine.getIdentityService();
    boolean emptyDatabase = identity.createUserQuery().count() == 0;
    for (StaffGroup staffGroup : StaffGroup.values()) {
      if (identity.createGroupQuery().groupId(staffGroup.id()).count() == 0) {
        Group group = identity.newGroup(staffGroup.id());
        group.setName(staffGroup.displayName());
        group.setType(staffGroup == StaffGroup.ADMIN ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW);
        identity.saveGroup(group);
      }
    }
    if (identity.createGroupQuery().groupId(CurrentUser.ENTERPRISE_GROUP).count() == 0) {
      Group group = identity.newGroup(CurrentUser.ENTERPRISE_GROUP);
      group.setName("申请企业");
      group.setType(CurrentUser.ENTERPRISE_GROUP);
      identity.saveGroup(group);
    }
    String adminId = properties.admin().id();
    if (identity.createUserQuery().userId(adminId).count() == 0) {
      createUser(identity, adminId, ADMIN_NAME, properties.admin().password(), StaffGroup.ADMIN);
    }
    writeNamesFamilyNameFirst(identity, adminId);
    if (emptyDatabase && properties.demoUsers()) {
      DEMO_USERS.forEach(user -> createUser(identity, user.id(), user.fullName(), DEMO_PASSWORD, user.group()));
      log.info("Demo users created (password '{}'): {}", DEMO_PASSWORD,
          DEMO_USERS.stream().map(DemoUser::id).toList());
    }
    grantPermissions(engine.getAuthorizationService());
    definitionGrants.grantDeployed(engine);
    createFilters(engine.getFilterService(), engine.getTaskService(), engine.getAuthorizationService());
  }

  /**
   * Databases seeded before names were stored whole hold 名 as the first and 姓 as the last name (shown
   * 窗口 王): those seeded names, and only those, are rewritten; names an admin changed stay as they are.
   */
  private static void writeNamesFamilyNameFirst(IdentityService identity, String adminId) {
    rename(identity, adminId, "管理员", "系统", ADMIN_NAME);
    for (DemoUser demo : DEMO_USERS) {
      rename(identity, demo.id(), demo.givenName(), demo.familyName(), demo.fullName());
    }
  }

  private static void rename(IdentityService identity, String id, String oldFirst, String oldLast, String fullName) {
    User user = identity.createUserQuery().userId(id).singleResult();
    if (user != null && oldFirst.equals(user.getFirstName()) && oldLast.equals(user.getLastName())) {
      user.setFirstName(fullName);
      user.setLastName("");
      identity.saveUser(user);
    }
  }

  private static void createUser(IdentityService identity, String id, String fullName, String password,
      StaffGroup group) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("no password configured for user " + id
          + " (set XUKE_ADMIN_PASSWORD for the admin)");
    }
    User user = identity.newUser(id);
    user.setFirstName(fullName);
    user.setLastName("");
    user.setPassword(password);
    user.setEmail(id + "@xuke.invalid");
    identity.saveUser(user);
    identity.createMembership(id, group.id());
  }

  private void grantPermissions(AuthorizationService authorizations) {
    for (Resources resource : Resources.values()) {
      grant(authorizations, StaffGroup.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    for (StaffGroup group : StaffGroup.values()) {
      if (group == StaffGroup.ADMIN) {
        continue;
      }
      grant(authorizations, group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
      grant(authorizations, group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
      grant(authorizations, group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      // evaluating decisions is the application's own business (through engine-rest: admin only)
      revoke(authorizations, group, Resources.DECISION_DEFINITION, Authorization.ANY,
          Permissions.CREATE_INSTANCE);
      grant(authorizations, group, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
      // the names of colleagues (a task's assignee in Tasklist, an inspector): staff read the staff's
      // profiles — not their groups or permissions; enterprises (group enterprise) get nothing
      grant(authorizations, group, Resources.USER, Authorization.ANY, Permissions.READ);
    }
    for (ProcessStarters starter : starters) {
      for (StaffGroup group : starter.groups()) {
        grant(authorizations, group, Resources.PROCESS_DEFINITION, starter.processDefinitionKey(),
            Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(authorizations, group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
      }
    }
    for (StaffGroup supervisor : List.of(StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR)) {
      grant(authorizations, supervisor, Resources.APPLICATION, COCKPIT, Permissions.ACCESS);
      grant(authorizations, supervisor, Resources.PROCESS_DEFINITION, Authorization.ANY,
          Permissions.READ, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
      grant(authorizations, supervisor, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ);
      grant(authorizations, supervisor, Resources.DECISION_DEFINITION, Authorization.ANY,
          Permissions.READ_HISTORY);
      // Cockpit's task page and its dashboard count read every open task: a supervisor watches all of
      // them (as the SLA board does), reads them only — no claiming, completing or reassigning
      grant(authorizations, supervisor, Resources.TASK, Authorization.ANY, Permissions.READ);
    }
  }

  /** Adds the permissions to the group's grant on the resource, creating the grant if needed. */
  static void grant(AuthorizationService authorizations, StaffGroup group, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = findGrant(authorizations, group, resource, resourceId);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(group.id());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  /** Takes the permissions out of the group's grant on the resource, where an older seed gave them. */
  static void revoke(AuthorizationService authorizations, StaffGroup group, Resource resource,
      String resourceId, Permission... permissions) {
    Authorization authorization = findGrant(authorizations, group, resource, resourceId);
    if (authorization == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (authorization.isPermissionGranted(permission)) {
        authorization.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(authorization);
    }
  }

  private static Authorization findGrant(AuthorizationService authorizations, StaffGroup group,
      Resource resource, String resourceId) {
    return authorizations.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group.id())
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  private void createFilters(FilterService filters, TaskService tasks,
      AuthorizationService authorizations) {
    int priority = 0;
    createFilter(filters, authorizations, "我的任务", "分配给我的任务，按到期日排序", priority++,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        List.of(StaffGroup.values()));
    for (StaffGroup group : StaffGroup.values()) {
      if (group == StaffGroup.ADMIN) {
        continue;
      }
      createFilter(filters, authorizations, group.displayName() + "待办",
          group.displayName() + "组的全部任务，按到期日排序", priority++,
          tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks()
              .orderByDueDate().asc(),
          List.of(group, StaffGroup.ADMIN));
    }
  }

  private void createFilter(FilterService filters, AuthorizationService authorizations,
      String name, String description, int priority, TaskQuery query, List<StaffGroup> readers) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setOwner(null)
        .setQuery(query)
        .setProperties(Map.of("description", description, "priority", priority, "refresh", true,
            "variables", columns.filterVariables()));
    filters.saveFilter(filter);
    for (StaffGroup reader : readers) {
      grant(authorizations, reader, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
