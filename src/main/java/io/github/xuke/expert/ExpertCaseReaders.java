package io.github.xuke.expert;

import io.github.xuke.system.CaseReaders;
import io.github.xuke.system.StaffGroup;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** A drawn expert reads the case while on its panel and until the decision (DESIGN: experts see only their cases). */
@Component
class ExpertCaseReaders implements CaseReaders {

  private final DrawRepository draws;

  ExpertCaseReaders(DrawRepository draws) {
    this.draws = draws;
  }

  @Override
  public boolean mayRead(String userId, Collection<String> groupIds, long applicationId) {
    return groupIds.contains(StaffGroup.EXPERT.id()) && draws.isAssignedWhileOpen(userId, applicationId);
  }
}
