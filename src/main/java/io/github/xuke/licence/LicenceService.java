package io.github.xuke.licence;

import io.github.xuke.core.NumberSequences;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 发证: the licence of an approved application, numbered per year and licence type. */
@Service
@Transactional
public class LicenceService {

  private final LicenceRepository licences;
  private final LicenceRequirements requirements;
  private final NumberSequences sequences;
  private final WorkingDays workingDays;
  private final XukeProperties properties;
  private final Clock clock;

  public LicenceService(LicenceRepository licences, LicenceRequirements requirements, NumberSequences sequences,
      WorkingDays workingDays, XukeProperties properties, Clock clock) {
    this.licences = licences;
    this.requirements = requirements;
    this.sequences = sequences;
    this.workingDays = workingDays;
    this.properties = properties;
    this.clock = clock;
  }

  /** Who a licence is issued to, for which case and licence type. */
  public record Holder(long applicationId, String caseNumber, String licenceType, String holderName,
      String creditCode) {}

  /**
   * Issues the licence of an approved case. Issuing twice (a retried job) returns the licence
   * already issued instead of a second one.
   */
  public Licence issue(Holder holder) {
    var existing = licences.findByApplication(holder.applicationId());
    if (existing.isPresent()) {
      return existing.get();
    }
    LicenceTypeRule type = requirements.typeRule(holder.licenceType()).orElseThrow(() ->
        new IllegalStateException("licence type no longer known: " + holder.licenceType()));
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LocalDate issueDate = now.atZoneSameInstant(workingDays.zone()).toLocalDate();
    long serial = sequences.next("licence:" + type.code(), issueDate.getYear());
    String number = "%s%s〔%d〕%06d".formatted(properties.licence().issuerAbbreviation(),
        type.licenceNumberPrefix(), issueDate.getYear(), serial);
    LocalDate validUntil = type.validityYears() == null ? null
        : issueDate.plusYears(type.validityYears()).minusDays(1);
    licences.insert(number, holder.applicationId(), type.code(), holder.holderName(), holder.creditCode(),
        issueDate, validUntil, now);
    return licences.findByApplication(holder.applicationId()).orElseThrow();
  }

  /** The licence issued in a case, if any. */
  @Transactional(readOnly = true)
  public Optional<Licence> ofCase(long applicationId) {
    return licences.findByApplication(applicationId);
  }
}
