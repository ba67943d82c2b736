package io.github.xuke.portal;

import io.github.xuke.application.ArchiveService;
import io.github.xuke.application.Cases;
import io.github.xuke.application.MaterialSupplies;
import io.github.xuke.application.ApplicationStatus;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import io.github.xuke.application.Enterprise;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.SupplyChannel;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.licence.LicenceService;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.core.ApiException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an enterprise sees and does in the portal: its own cases only (any other case is "not
 * found"), their materials and notices, and uploads — an upload of a tolerated item still outstanding
 * is its online supply, which the window then re-checks.
 */
@Service
public class PortalService {

  private static final Set<ApplicationStatus> CLOSED = EnumSet.of(ApplicationStatus.NOT_ACCEPTED,
      ApplicationStatus.REFUSED, ApplicationStatus.COMPLETED, ApplicationStatus.ARCHIVED, ApplicationStatus.WITHDRAWN);

  private final EnterpriseAccounts accounts;
  private final Cases applications;
  private final MaterialSupplies supplies;
  private final Notices notices;
  private final DocumentService documents;
  private final LicenceService licences;
  private final LicenceRequirements requirements;
  private final CurrentUser currentUser;
  private final io.github.xuke.inspection.InspectionService inspections;
  private final ArchiveService archive;

  public PortalService(EnterpriseAccounts accounts, Cases applications,
      MaterialSupplies supplies, Notices notices,
      DocumentService documents, LicenceService licences, LicenceRequirements requirements,
      CurrentUser currentUser, io.github.xuke.inspection.InspectionService inspections, ArchiveService archive) {
    this.archive = archive;
    this.currentUser = currentUser;
    this.inspections = inspections;
    this.accounts = accounts;
    this.applications = applications;
    this.supplies = supplies;
    this.notices = notices;
    this.documents = documents;
    this.licences = licences;
    this.requirements = requirements;
  }

  /** One required material as the enterprise sees it; {@code toSupply}: an upload counts as its supply. */
  public record PortalMaterial(String materialCode, String materialName, boolean keyMaterial,
      MaterialStatus status, String state, boolean toSupply) {}

  public record PortalNotice(long id, CaseNotice.NoticeKind kind, String noticeNumber, OffsetDateTime issuedAt,
      String content) {}

  public record PortalDocument(long id, String materialCode, String originalName, String contentType,
      long sizeBytes, String sha256, OffsetDateTime uploadedAt) {}

  public record PortalCase(long applicationId, String caseNumber, String licenceType, String licenceTypeName,
      ApplicationStatus status, OffsetDateTime receivedAt, OffsetDateTime acceptedAt, OffsetDateTime supplyDueAt,
      String decision, String licenceNumber, boolean awaitsRectification, List<PortalMaterial> materials,
      List<PortalNotice> notices, List<PortalDocument> documents, OffsetDateTime completedAt,
      OffsetDateTime archivedAt, String archiveNumber) {}

  @Transactional(readOnly = true)
  public List<PortalCase> casesOf(String userId) {
    Enterprise enterprise = accounts.enterpriseOf(userId);
    return applications.ofEnterprise(enterprise.id()).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public PortalCase caseOf(String userId, long applicationId) {
    return view(own(userId, applicationId));
  }

  /** Stores the enterprise's upload; for an outstanding tolerated item of an accepted case it is the online supply. */
  @Transactional
  public PortalDocument upload(String userId, long applicationId, String materialCode, String fileName,
      InputStream content) {
    LicenceApplication application = own(userId, applicationId);
    if (CLOSED.contains(application.status())) {
      throw new ApiException(HttpStatus.CONFLICT, "CASE_CLOSED", null, "本案已办结，不能再上传材料");
    }
    MaterialItem item = applications.materials(applicationId).stream()
        .filter(candidate -> candidate.materialCode().equals(materialCode)).findFirst()
        .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_MATERIAL", "materialCode",
            "本案没有材料“" + materialCode + "”"));
    StoredDocument stored = documents.store(applicationId, materialCode, fileName, content, userId);
    if (toSupply(application, item)) {
      supplies.receiveSupply(applicationId, List.of(materialCode), SupplyChannel.ONLINE,
          stored.originalName(), stored.id(), userId);
    }
    return document(stored);
  }

  /** The enterprise's evidence of rectification, while the case waits for it. */
  @Transactional
  public PortalDocument uploadRectification(String userId, long applicationId, String fileName, InputStream content) {
    own(userId, applicationId);
    if (!inspections.awaitsRectification(applicationId)) {
      throw new ApiException(HttpStatus.CONFLICT, "NO_RECTIFICATION", null, "本案当前没有需要提交的整改材料");
    }
    return document(documents.storeRectification(applicationId, fileName, content, userId));
  }

  @Transactional(readOnly = true)
  public DocumentService.Download download(String userId, long documentId) {
    StoredDocument document = documents.find(documentId)
        .filter(candidate -> !candidate.inspectionEvidence() && owns(userId, candidate.applicationId()))
        .orElseThrow(() -> notFound("未找到文件 " + documentId));
    return documents.download(document.id());
  }

  @Transactional(readOnly = true)
  public CaseNotice notice(String userId, long noticeId) {
    return notices.find(noticeId)
        .filter(candidate -> owns(userId, candidate.applicationId()))
        .orElseThrow(() -> notFound("未找到文书 " + noticeId));
  }

  private PortalCase view(LicenceApplication application) {
    long id = application.id();
    return new PortalCase(id, application.caseNumber(), application.licenceType(),
        application.typeName(),
        application.status(), application.receivedAt(), application.acceptedAt(), application.supplyDueAt(),
        application.decision(), licences.ofCase(id).map(licence -> licence.licenceNumber()).orElse(null),
        inspections.awaitsRectification(id),
        applications.materials(id).stream().map(item -> new PortalMaterial(item.materialCode(),
            item.materialName(), item.keyMaterial(), item.status(), item.stateText(), toSupply(application, item)))
            .toList(),
        notices.ofCase(id).stream().map(notice -> new PortalNotice(notice.id(), notice.kind(),
            notice.noticeNumber(), notice.issuedAt(), notice.content())).toList(),
        documents.ofCase(id).stream().filter(document -> !document.inspectionEvidence())
            .map(PortalService::document).toList(),
        application.completedAt(), application.archivedAt(),
        application.archivedAt() == null ? null
            : archive.archiveRecord(id).map(ArchiveService.ArchiveRecord::archiveNumber).orElse(null));
  }

  private static boolean toSupply(LicenceApplication application, MaterialItem item) {
    return application.acceptedAt() != null && !CLOSED.contains(application.status()) && !item.keyMaterial()
        && (item.status() == MaterialStatus.TOLERATED || item.status() == MaterialStatus.DEFECTIVE
            || item.status() == MaterialStatus.AWAITING_CHECK);
  }

  private static PortalDocument document(StoredDocument document) {
    return new PortalDocument(document.id(), document.materialCode(), document.originalName(),
        document.contentType(), document.sizeBytes(), document.sha256(), document.uploadedAt());
  }

  /** The case if it is the enterprise's own; another's is "not found", never "forbidden". */
  private LicenceApplication own(String userId, long applicationId) {
    return ownCase(userId, applicationId).orElseThrow(() -> notFound("未找到申请 " + applicationId));
  }

  private boolean owns(String userId, long applicationId) {
    return ownCase(userId, applicationId).isPresent();
  }

  private java.util.Optional<LicenceApplication> ownCase(String userId, long applicationId) {
    long enterpriseId = accounts.enterpriseOf(userId).id();
    return applications.find(applicationId).filter(application -> application.enterpriseId() == enterpriseId);
  }

  private static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", message);
  }
}
