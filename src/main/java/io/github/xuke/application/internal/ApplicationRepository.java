package io.github.xuke.application.internal;

import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code licence_application}: one row per case, updated as the case moves on. */
@Repository
public class ApplicationRepository {

  private final JdbcClient jdbc;

  public ApplicationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(String caseNumber, long enterpriseId, String enterpriseName, String licenceType,
      String processInstanceId, OffsetDateTime receivedAt, String receivedBy,
      int committedLimitDays, int statutoryLimitValue, String statutoryLimitUnit, String evaluatorName,
      String evaluatorCreditCode, String licenceTypeName, Integer validityYears, String registeredAddress,
      String principalName, String businessMode, String licenceScope) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into licence_application (case_number, enterprise_id, enterprise_name, licence_type,
              status, process_instance_id, received_at, received_by, committed_limit_days,
              statutory_limit_value, statutory_limit_unit, evaluator_name, evaluator_credit_code,
              licence_type_name, validity_years, registered_address, principal_name, business_mode,
              licence_scope)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(caseNumber, enterpriseId, enterpriseName, licenceType, ApplicationStatus.RECEIVED.name(),
            processInstanceId, receivedAt, receivedBy, committedLimitDays, statutoryLimitValue,
            statutoryLimitUnit, evaluatorName, evaluatorCreditCode, licenceTypeName, validityYears,
            registeredAddress, principalName, businessMode, licenceScope)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<LicenceApplication> findById(long id) {
    return jdbc.sql("select * from licence_application where id = ?")
        .param(id).query(Rows.of(LicenceApplication.class)).optional();
  }

  /** The cases with these ids, in no particular order (one query for a page of a list). */
  public List<LicenceApplication> findAll(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from licence_application where id in (:ids)")
        .param("ids", ids).query(Rows.of(LicenceApplication.class)).list();
  }

  public LicenceApplication get(long id) {
    return findById(id).orElseThrow(() -> new IllegalStateException("no licence application " + id));
  }

  public Optional<LicenceApplication> findByProcessInstanceId(String processInstanceId) {
    return jdbc.sql("select * from licence_application where process_instance_id = ?")
        .param(processInstanceId).query(Rows.of(LicenceApplication.class)).optional();
  }

  /** The cases of an enterprise, newest first. */
  public List<LicenceApplication> findByEnterprise(long enterpriseId) {
    return jdbc.sql("select * from licence_application where enterprise_id = ? order by id desc")
        .param(enterpriseId).query(Rows.of(LicenceApplication.class)).list();
  }

  public Optional<LicenceApplication> findByCaseNumber(String caseNumber) {
    return jdbc.sql("select * from licence_application where case_number = ?")
        .param(caseNumber).query(Rows.of(LicenceApplication.class)).optional();
  }

  public void updateStatus(long id, ApplicationStatus status) {
    jdbc.sql("update licence_application set status = ? where id = ?")
        .params(status.name(), id).update();
  }

  public void markCorrectionNotified(long id, OffsetDateTime at) {
    jdbc.sql("update licence_application set status = ?, correction_notified_at = ? where id = ?")
        .params(ApplicationStatus.CORRECTION_REQUESTED.name(), at, id).update();
  }

  public void markNotAccepted(long id, String reason) {
    jdbc.sql("update licence_application set status = ?, non_acceptance_reason = ? where id = ?")
        .params(ApplicationStatus.NOT_ACCEPTED.name(), reason, id).update();
  }

  public void markAccepted(long id, OffsetDateTime at, String by, OffsetDateTime supplyDueAt) {
    jdbc.sql("""
            update licence_application set status = ?, accepted_at = ?, accepted_by = ?, supply_due_at = ?
            where id = ?""")
        .params(ApplicationStatus.ACCEPTED.name(), at, by, supplyDueAt, id).update();
  }

  public void recordDecision(long id, ApplicationStatus status, String decision, String reason,
      OffsetDateTime at, String by) {
    jdbc.sql("""
            update licence_application
            set status = ?, decision = ?, decision_reason = ?, decided_at = ?, decided_by = ?
            where id = ?""")
        .params(status.name(), decision, reason, at, by, id).update();
  }

  public void markCompleted(long id, String deliveryMethod, String trackingNumber, OffsetDateTime at) {
    jdbc.sql("""
            update licence_application
            set status = ?, delivery_method = ?, tracking_number = ?, completed_at = ?
            where id = ?""")
        .params(ApplicationStatus.COMPLETED.name(), deliveryMethod, trackingNumber, at, id).update();
  }

  public void markArchived(long id, OffsetDateTime at) {
    jdbc.sql("update licence_application set status = ?, archived_at = ? where id = ?")
        .params(ApplicationStatus.ARCHIVED.name(), at, id).update();
  }
}
