package io.github.xuke.application;

import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The approved case gets its licence: issued by the licence registry, the case marked as issued. */
@Service
@Transactional
public class Licensing {

  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final LicenceService licences;

  Licensing(ApplicationRepository applications, EnterpriseRepository enterprises, LicenceService licences) {
    this.applications = applications;
    this.enterprises = enterprises;
    this.licences = licences;
  }

  /** Issues the licence of an approved case; a retried step gets the licence issued before. */
  public Licence issueLicence(long applicationId) {
    var existing = licences.ofCase(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    LicenceApplication application = applications.get(applicationId);
    if (application.status() != ApplicationStatus.APPROVED) {
      throw new IllegalStateException("case " + application.caseNumber() + " is not approved");
    }
    Enterprise holder = enterprises.findById(application.enterpriseId()).orElseThrow();
    Licence licence = licences.issue(new LicenceService.Holder(applicationId, application.caseNumber(),
        application.licenceType(), application.enterpriseName(), holder.creditCode()));
    applications.updateStatus(applicationId, ApplicationStatus.LICENCE_ISSUED);
    return licence;
  }
}
