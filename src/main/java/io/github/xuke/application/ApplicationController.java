package io.github.xuke.application;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.application.internal.MaterialSupplyRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.notice.Notices;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.application.process.LicenceApplicationStarter;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Licence applications: 收件 through the API, and the state of a case. */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final LicenceApplicationStarter starter;
  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final MaterialItemRepository materials;
  private final Notices notices;
  private final LicenceService licences;
  private final MaterialSupplyRepository supplies;
  private final CaseAccess access;
  private final ArchiveService archive;

  public ApplicationController(LicenceApplicationStarter starter, ApplicationRepository applications,
      EnterpriseRepository enterprises, MaterialItemRepository materials,
      Notices notices, LicenceService licences, MaterialSupplyRepository supplies,
      CaseAccess access, ArchiveService archive) {
    this.access = access;
    this.archive = archive;
    this.supplies = supplies;
    this.starter = starter;
    this.applications = applications;
    this.enterprises = enterprises;
    this.materials = materials;
    this.notices = notices;
    this.licences = licences;
  }

  @AllowedGroups(StaffGroup.WINDOW_CLERK)
  @PostMapping
  public ResponseEntity<LicenceApplicationStarter.StartedCase> submit(@RequestBody ApplicationForm form) {
    LicenceApplicationStarter.StartedCase started = starter.start(form);
    return ResponseEntity.created(URI.create("/api/applications/" + started.applicationId()))
        .body(started);
  }

  /**
   * A case as the window sees it: {@code enterpriseName} as written in this application,
   * {@code enterprise} as the enterprise stands now; once delivered, when it was completed (办结) and
   * how the licence went out; once archived (归档), the archive record with its number, who, when and
   * the documents of the file in order.
   */
  public record CaseView(
      long applicationId,
      String caseNumber,
      String processInstanceId,
      ApplicationStatus status,
      String licenceType,
      String enterpriseName,
      Enterprise enterprise,
      OffsetDateTime receivedAt,
      OffsetDateTime acceptedAt,
      OffsetDateTime decidedAt,
      String decision,
      String decisionReason,
      List<MaterialItem> materials,
      List<MaterialSupply> supplies,
      List<CaseNotice> notices,
      Licence licence,
      OffsetDateTime completedAt,
      String deliveryMethod,
      String trackingNumber,
      OffsetDateTime archivedAt,
      ArchiveService.ArchiveRecord archive) {}

  @GetMapping("/{id}")
  public CaseView get(@PathVariable long id) {
    access.requireCase(id);
    LicenceApplication application = applications.findById(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到申请 " + id));
    return new CaseView(application.id(), application.caseNumber(), application.processInstanceId(),
        application.status(), application.licenceType(), application.enterpriseName(),
        enterprises.findById(application.enterpriseId()).orElseThrow(),
        application.receivedAt(), application.acceptedAt(), application.decidedAt(),
        application.decision(), application.decisionReason(), materials.findByApplication(id),
        supplies.findByApplication(id), notices.ofCase(id), licences.ofCase(id).orElse(null),
        application.completedAt(), application.deliveryMethod(), application.trackingNumber(),
        application.archivedAt(), archive.archiveRecord(id).orElse(null));
  }
}
