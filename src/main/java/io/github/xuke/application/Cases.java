package io.github.xuke.application;

import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import java.util.List;
import io.github.xuke.licence.LicenceRequirements;
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
  private final LicenceRequirements requirements;
  private final java.time.ZoneId zone;
  private final String issuerName;

  Cases(ApplicationRepository applications, EnterpriseRepository enterprises, MaterialItemRepository materials,
      LicenceRequirements requirements, io.github.xuke.system.XukeProperties properties) {
    this.applications = applications;
    this.enterprises = enterprises;
    this.materials = materials;
    this.requirements = requirements;
    this.zone = properties.timeZone();
    this.issuerName = properties.licence().issuerName();
  }

  /**
   * What every notice of the case names: its number, the addressee (the enterprise's full name), the
   * licence type, the regulation it is granted under (from the licence rules) and the day the
   * application was received and accepted (dates as the notice prints them, in the bureau's zone).
   */
  public java.util.Map<String, Object> noticeValues(long applicationId) {
    LicenceApplication application = applications.get(applicationId);
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    values.put("issuerName", issuerName);
    values.put("caseNumber", application.caseNumber());
    values.put("enterpriseName", application.enterpriseName());
    values.put("licenceTypeName", application.typeName());
    values.put("regulation", requirements.typeRule(application.licenceType())
        .map(io.github.xuke.licence.LicenceTypeRule::regulation).filter(text -> !text.isBlank())
        .orElse("有关法律、法规"));
    values.put("receivedOn", application.receivedAt().atZoneSameInstant(zone).toLocalDate());
    values.put("acceptedOn", application.acceptedAt() == null ? null
        : application.acceptedAt().atZoneSameInstant(zone).toLocalDate());
    return values;
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
