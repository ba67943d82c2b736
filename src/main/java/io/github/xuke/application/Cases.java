package io.github.xuke.application;

import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read face of the case module: a case, its enterprise and its materials, for the modules that
 * work on a case (clocks, experts, inspection, portal) without reading the case's tables.
 */
@Service
@Transactional(readOnly = true)
public class Cases {

  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final MaterialItemRepository materials;

  Cases(ApplicationRepository applications, EnterpriseRepository enterprises, MaterialItemRepository materials) {
    this.applications = applications;
    this.enterprises = enterprises;
    this.materials = materials;
  }

  /** The case; it must exist. */
  public LicenceApplication get(long applicationId) {
    return applications.get(applicationId);
  }

  /** The cases with these ids, by id (one query, for a page of a list). */
  public java.util.Map<Long, LicenceApplication> all(java.util.Collection<Long> applicationIds) {
    java.util.Map<Long, LicenceApplication> byId = new java.util.HashMap<>();
    applications.findAll(applicationIds).forEach(application -> byId.put(application.id(), application));
    return byId;
  }

  public Optional<LicenceApplication> find(long applicationId) {
    return applications.findById(applicationId);
  }

  public Optional<LicenceApplication> findByCaseNumber(String caseNumber) {
    return applications.findByCaseNumber(caseNumber);
  }

  /** The case whose {@code LicenceApplication} process instance this is. */
  public Optional<LicenceApplication> findByProcessInstance(String processInstanceId) {
    return applications.findByProcessInstanceId(processInstanceId);
  }

  /** The enterprise's cases. */
  public List<LicenceApplication> ofEnterprise(long enterpriseId) {
    return applications.findByEnterprise(enterpriseId);
  }

  public Optional<Enterprise> enterprise(long enterpriseId) {
    return enterprises.findById(enterpriseId);
  }

  public Optional<Enterprise> enterpriseByCreditCode(String creditCode) {
    return enterprises.findByCreditCode(creditCode);
  }

  /** The case's materials with their state, in the order of the licence type's list. */
  public List<MaterialItem> materials(long applicationId) {
    return materials.findByApplication(applicationId);
  }
}
