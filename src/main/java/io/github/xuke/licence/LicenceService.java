package io.github.xuke.licence;

import io.github.xuke.application.ApplicationRepository;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.application.Enterprise;
import io.github.xuke.application.EnterpriseRepository;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.NumberSequences;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 发证: the licence of an approved application, numbered per year and licence type. */
@Service
@Transactional
public class LicenceService {

  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final LicenceRepository licences;
  private final LicenceRequirements requirements;
  private final NumberSequences sequences;
  private final WorkingDays workingDays;
  private final XukeProperties properties;
  private final Clock clock;

  public LicenceService(ApplicationRepository applications, EnterpriseRepository enterprises,
      LicenceRepository licences, LicenceRequirements requirements, NumberSequences sequences,
      WorkingDays workingDays, XukeProperties properties, Clock clock) {
    this.applications = applications;
    this.enterprises = enterprises;
    this.licences = licences;
    this.requirements = requirements;
    this.sequences = sequences;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues the licence of an approved application. Issuing twice (a retried job) returns the
   * licence already issued instead of a second one.
   */
  public Licence issue(long applicationId) {
    var existing = licences.findByApplication(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    LicenceApplication application = applications.get(applicationId);
    if (application.status() != ApplicationStatus.APPROVED) {
      throw new IllegalStateException("case " + application.caseNumber() + " is not approved");
    }
    Enterprise holder = enterprises.findById(application.enterpriseId()).orElseThrow();
    LicenceTypeRule type = requirements.typeRule(application.licenceType()).orElseThrow(() ->
        new IllegalStateException("licence type no longer known: " + application.licenceType()));
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LocalDate issueDate = now.atZoneSameInstant(workingDays.zone()).toLocalDate();
    long serial = sequences.next("licence:" + type.code(), issueDate.getYear());
    String number = "%s%s〔%d〕%06d".formatted(properties.licence().issuerAbbreviation(),
        type.licenceNumberPrefix(), issueDate.getYear(), serial);
    LocalDate validUntil = type.validityYears() == null ? null
        : issueDate.plusYears(type.validityYears()).minusDays(1);
    licences.insert(number, applicationId, type.code(), application.enterpriseName(), holder.creditCode(),
        issueDate, validUntil, now);
    applications.updateStatus(applicationId, ApplicationStatus.LICENCE_ISSUED);
    return licences.findByApplication(applicationId).orElseThrow();
  }
}
