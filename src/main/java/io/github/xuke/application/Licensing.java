package io.github.xuke.application;

import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.CaseNotice.NoticeKind;
import io.github.xuke.notice.NoticePdf;
import io.github.xuke.notice.Notices;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.XukeProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approved case gets its licence and its decision: the licence issued by the licence registry with
 * the particulars taken at intake, the decision (准予行政许可决定书) naming it, the case marked as issued;
 * and, when the deputy director signs online (先批后签), both re-issued with the bureau's digital
 * signature — the first issues, with the chief representative's approval, stay beside them.
 */
@Service
@Transactional
public class Licensing {

  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final LicenceService licences;
  private final Notices notices;
  private final Cases cases;
  private final CurrentUser currentUser;
  private final XukeProperties properties;
  private final Clock clock;

  Licensing(ApplicationRepository applications, EnterpriseRepository enterprises, LicenceService licences,
      Notices notices, Cases cases, CurrentUser currentUser, XukeProperties properties, Clock clock) {
    this.applications = applications;
    this.enterprises = enterprises;
    this.licences = licences;
    this.notices = notices;
    this.cases = cases;
    this.currentUser = currentUser;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Issues the licence of an approved case and the decision that names it; a retried step gets the
   * licence issued before and no second decision.
   */
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
        application.licenceType(), application.enterpriseName(), holder.creditCode(),
        application.registeredAddress(), application.principalName(), application.businessMode(),
        application.licenceScope(), application.decidedBy()));
    applications.updateStatus(applicationId, ApplicationStatus.LICENCE_ISSUED);
    Map<String, Object> values = cases.noticeValues(applicationId);
    values.put("creditCode", holder.creditCode());
    values.put("licenceNumber", licence.licenceNumber());
    values.put("licenceScope", application.licenceScope());
    values.put("businessMode", application.businessMode());
    values.put("validity", NoticePdf.officialDate(licence.issueDate()) + "至"
        + (licence.validUntil() == null ? "长期" : NoticePdf.officialDate(licence.validUntil())));
    values.put("decidedBy", currentUser.name(application.decidedBy()));
    values.put("decidedOn", application.decidedAt().atZoneSameInstant(properties.timeZone()).toLocalDate());
    notices.issue(applicationId, NoticeKind.APPROVAL, application.decidedAt(), application.decidedBy(), values);
    return licence;
  }

  /** What the deputy director's online signature did: the decision re-issued signed, the certificate signed. */
  public record Signed(Optional<CaseNotice> decision, boolean certificate) {}

  /**
   * 分管局长网签: the decision and the certificate re-issued with the bureau's digital signature, in the
   * deputy director's name. Done once; a retried step signs nothing twice.
   */
  public Signed sign(long applicationId, String by) {
    String signer = currentUser.name(by);
    Instant now = clock.instant();
    String note = "　　本决定已由分管局长" + signer + "于"
        + NoticePdf.officialDate(now.atZone(properties.timeZone()).toLocalDate())
        + "网签，本文本加盖" + properties.licence().issuerName() + "电子签章，与首次签发文本具有同等效力。";
    Optional<CaseNotice> decision = notices.ofCase(applicationId).stream()
        .filter(notice -> notice.kind() == NoticeKind.APPROVAL && notice.reissueOf() == null)
        .findFirst()
        .map(first -> notices.reissueSigned(first, note, now, by, signer));
    boolean certificate = licences.signCertificate(applicationId, by, signer);
    return new Signed(decision, certificate);
  }
}
