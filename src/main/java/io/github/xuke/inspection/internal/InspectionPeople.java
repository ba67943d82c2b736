package io.github.xuke.inspection.internal;

import io.github.xuke.expert.ExpertDraws;
import io.github.xuke.system.StaffGroup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who may take part in an inspection: the staff inspectors (group {@code case-officer}) and the
 * experts of the case's panel, and their names as the participants' list shows them.
 */
@Component
public class InspectionPeople {

  /** The most inspectors the schedule form offers. */
  static final int MAX_INSPECTOR_OPTIONS = 200;

  private final IdentityService identityService;
  private final ExpertDraws draws;

  public InspectionPeople(IdentityService identityService, ExpertDraws draws) {
    this.identityService = identityService;
    this.draws = draws;
  }

  /** The staff inspectors' user ids, in order. */
  public List<String> inspectors() {
    return identityService.createUserQuery().memberOfGroup(StaffGroup.CASE_OFFICER.id()).orderByUserId().asc()
        .listPage(0, MAX_INSPECTOR_OPTIONS).stream().map(User::getId).toList();
  }

  public boolean isInspector(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(StaffGroup.CASE_OFFICER.id()).count() > 0;
  }

  /** The user ids of the case's panel: the experts invited or taking part, in the panel's order. */
  public Set<String> panel(long applicationId) {
    return new LinkedHashSet<>(draws.panelUsers(applicationId));
  }

  /** Family name then given name, or the user id when the user has none (or is unknown). */
  public String name(String userId) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return userId;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
