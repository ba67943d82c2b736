package io.github.xuke.system;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except that a bureau group's candidacy writes no row per task
 * where its grant on the process definition covers it ({@link DefinitionTaskGrants}); a new
 * definition brings those grants along.
 */
final class DefinitionTaskAuthorizations extends DefaultAuthorizationProvider {

  private final DefinitionTaskGrants grants;

  DefinitionTaskAuthorizations(DefinitionTaskGrants grants) {
    this.grants = grants;
  }

  @Override
  public AuthorizationEntity[] newProcessDefinition(ProcessDefinition processDefinition) {
    return processDefinition instanceof ProcessDefinitionEntity definition
        ? grants.forNewDefinition(definition) : super.newProcessDefinition(processDefinition);
  }

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (IdentityLinkType.CANDIDATE.equals(type) && task instanceof TaskEntity entity
        && entity.getProcessDefinition() != null && grants.covers(entity.getProcessDefinition(), groupId)) {
      return null;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }
}
