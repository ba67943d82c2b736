package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.document.DocumentOwners;
import org.springframework.stereotype.Component;

/** Tells the documents module which cases and materials exist. */
@Component
class CaseDocumentOwners implements DocumentOwners {

  private final ApplicationRepository applications;
  private final MaterialItemRepository materials;

  CaseDocumentOwners(ApplicationRepository applications, MaterialItemRepository materials) {
    this.applications = applications;
    this.materials = materials;
  }

  @Override
  public boolean caseExists(long applicationId) {
    return applications.findById(applicationId).isPresent();
  }

  @Override
  public boolean hasMaterial(long applicationId, String materialCode) {
    return materials.findByApplication(applicationId).stream()
        .anyMatch(item -> item.materialCode().equals(materialCode));
  }
}
