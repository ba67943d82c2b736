package io.github.xuke.casefile;

import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.application.ArchiveService;
import io.github.xuke.application.Cases;
import io.github.xuke.application.DeliveryMethod;
import io.github.xuke.application.Enterprise;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.core.ApiException;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.portal.EnterpriseAccounts;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The face of the case file (案卷): one read of everything about a case, for the Tasklist panel
 * beside every task. Whoever may read the case reads its file; the expert panel and the draws only
 * the groups that read them elsewhere (not the window, not the experts), the inspection only those
 * who see inspections.
 */
@Service
@Transactional(readOnly = true)
public class CaseFiles {

  private static final Map<ApplicationStatus, String> STATUS_TEXTS = Map.of(
      ApplicationStatus.RECEIVED, "已收件，材料审查中",
      ApplicationStatus.CORRECTION_REQUESTED, "待补正材料",
      ApplicationStatus.NOT_ACCEPTED, "不予受理",
      ApplicationStatus.ACCEPTED, "已受理，办理中",
      ApplicationStatus.APPROVED, "准予许可",
      ApplicationStatus.REFUSED, "不予许可",
      ApplicationStatus.LICENCE_ISSUED, "已发证，待送达",
      ApplicationStatus.COMPLETED, "已办结",
      ApplicationStatus.ARCHIVED, "已办结归档",
      ApplicationStatus.WITHDRAWN, "已退办");
  private static final StaffGroup[] SEE_PANEL = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE,
      StaffGroup.DEPUTY_DIRECTOR, StaffGroup.PARTY_COMMITTEE};
  private static final StaffGroup[] SEE_INSPECTION = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE,
      StaffGroup.DEPUTY_DIRECTOR, StaffGroup.PARTY_COMMITTEE, StaffGroup.EXPERT};

  private final Cases cases;
  private final CaseAccess access;
  private final CurrentUser currentUser;
  private final IdentityService identityService;
  private final PaperTrail papers;
  private final ReviewFiles reviews;
  private final Progress progress;
  private final EnterpriseAccounts accounts;
  private final ArchiveService archives;

  CaseFiles(Cases cases, CaseAccess access, CurrentUser currentUser, IdentityService identityService,
      PaperTrail papers, ReviewFiles reviews, Progress progress, EnterpriseAccounts accounts, ArchiveService archives) {
    this.cases = cases;
    this.access = access;
    this.currentUser = currentUser;
    this.identityService = identityService;
    this.papers = papers;
    this.reviews = reviews;
    this.progress = progress;
    this.accounts = accounts;
    this.archives = archives;
  }

  /** The case file of a case the acting user may read (403 otherwise, 404 for no such case). */
  public CaseFile of(long applicationId) {
    access.requireCase(applicationId);
    LicenceApplication application = cases.find(applicationId).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到该案件"));
    StaffNames names = new StaffNames(identityService, currentUser);
    Enterprise enterprise = cases.enterprise(application.enterpriseId()).orElseThrow();
    boolean clerk = currentUser.isIn(StaffGroup.WINDOW_CLERK);
    boolean portalAccount = clerk && accounts.hasAccount(enterprise.creditCode());
    List<StoredDocument> stored = papers.documentsOf(applicationId);
    List<CaseFile.NoticeFile> notices = papers.notices(applicationId, names);
    return new CaseFile(applicationId,
        summary(application, names),
        new CaseFile.EnterpriseFile(enterprise.name(), enterprise.creditCode(), enterprise.contactName(),
            enterprise.contactPhone(), enterprise.district(), portalAccount),
        papers.materials(applicationId, stored, names),
        notices,
        papers.licence(applicationId, names),
        currentUser.isIn(SEE_PANEL) ? reviews.experts(applicationId, names) : null,
        currentUser.isIn(SEE_INSPECTION) ? reviews.inspections(applicationId, stored, names) : null,
        progress.clocks(applicationId),
        progress.history(application, notices, names),
        archives.archiveRecord(applicationId).map(record -> new CaseFile.ArchiveFile(record.archiveNumber(),
            record.archivedAt(), record.archivedByName() == null ? names.of(record.archivedBy()) : record.archivedByName(),
            record.documents().stream().map(entry -> new CaseFile.ArchiveItem(entry.sequence(), entry.title(),
                entry.number(), entry.date())).toList(),
            "/api/applications/" + applicationId + "/file-index/pdf")).orElse(null),
        new CaseFile.Actions(clerk && !portalAccount, clerk && open(application.status())), null);
  }

  private static CaseFile.Summary summary(LicenceApplication application, StaffNames names) {
    String delivery = application.deliveryMethod() == null ? null
        : DeliveryMethod.COURIER.name().equals(application.deliveryMethod())
            ? "免费邮寄" + (application.trackingNumber() == null ? "" : "，运单号 " + application.trackingNumber())
            : "窗口自取";
    return new CaseFile.Summary(application.caseNumber(), application.licenceTypeName(),
        STATUS_TEXTS.getOrDefault(application.status(), application.status().name()), application.receivedAt(),
        names.of(application.receivedBy()), application.acceptedAt(), application.decidedAt(),
        application.decision() == null ? null : decisionText(application.decision()), application.completedAt(),
        delivery, application.archivedAt());
  }

  static String decisionText(String decision) {
    if (LicenceApplicationProcess.Values.APPROVE.equals(decision)) {
      return "准予许可";
    }
    return LicenceApplicationProcess.Values.REFUSE.equals(decision) ? "不予许可" : decision;
  }

  private static boolean open(ApplicationStatus status) {
    return switch (status) {
      case NOT_ACCEPTED, REFUSED, COMPLETED, ARCHIVED, WITHDRAWN -> false;
      default -> true;
    };
  }
}
