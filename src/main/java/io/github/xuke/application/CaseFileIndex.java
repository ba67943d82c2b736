package io.github.xuke.application;

import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.licence.Licence;
import io.github.xuke.licence.LicenceService;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.NoticePdf;
import io.github.xuke.notice.Notices;
import io.github.xuke.system.XukeProperties;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 卷内目录: the documents of a case in the order they came into being — the application, the
 * materials' files, every notice (a signed re-issue beside its first issue), the licence certificate
 * (first issue and signed) and the archive record — with number, date and pages where known, printed
 * for the archive.
 */
@Service
@Transactional(readOnly = true)
public class CaseFileIndex {

  /** Files larger than this are listed without counting their pages. */
  private static final long COUNTED_BYTES = 20L * 1024 * 1024;

  private final ApplicationRepository applications;
  private final MaterialItemRepository materials;
  private final DocumentService documents;
  private final Notices notices;
  private final LicenceService licences;
  private final NoticePdf pdf;
  private final XukeProperties properties;

  CaseFileIndex(ApplicationRepository applications, MaterialItemRepository materials, DocumentService documents,
      Notices notices, LicenceService licences, NoticePdf pdf, XukeProperties properties) {
    this.applications = applications;
    this.materials = materials;
    this.documents = documents;
    this.notices = notices;
    this.licences = licences;
    this.pdf = pdf;
    this.properties = properties;
  }

  private record Dated(OffsetDateTime at, NoticePdf.IndexEntry entry) {}

  /** The index's entries, oldest first. */
  public List<NoticePdf.IndexEntry> entries(long applicationId) {
    LicenceApplication application = applications.get(applicationId);
    ZoneId zone = properties.timeZone();
    List<Dated> dated = new ArrayList<>();
    dated.add(new Dated(application.receivedAt(), new NoticePdf.IndexEntry("行政许可申请（收件登记）",
        application.caseNumber(), application.receivedAt().atZoneSameInstant(zone).toLocalDate(), null)));
    Map<String, String> materialNames = materials.findByApplication(applicationId).stream()
        .collect(Collectors.toMap(MaterialItem::materialCode, MaterialItem::materialName, (a, b) -> a));
    for (StoredDocument document : documents.ofCase(applicationId)) {
      String what = document.inspectionEvidence() ? "现场核查影像资料"
          : materialNames.getOrDefault(document.materialCode(), "整改材料");
      dated.add(new Dated(document.uploadedAt(), new NoticePdf.IndexEntry(what + "：" + document.originalName(), null,
          document.uploadedAt().atZoneSameInstant(zone).toLocalDate(), pages(document))));
    }
    for (CaseNotice notice : notices.ofCase(applicationId)) {
      OffsetDateTime at = notice.signed() ? notice.signedAt() : notice.issuedAt();
      dated.add(new Dated(at, new NoticePdf.IndexEntry(notice.title(), notice.noticeNumber(),
          at.atZoneSameInstant(zone).toLocalDate(), NoticePdf.pages(notices.pdf(notice)).orElse(null))));
    }
    licences.ofCase(applicationId).ifPresent(licence -> {
      String name = licences.typeName(licence);
      dated.add(new Dated(licence.issuedAt(), new NoticePdf.IndexEntry(name + "（首次签发）", licence.licenceNumber(),
          licence.issueDate(), 1)));
      if (licence.signedAt() != null) {
        dated.add(new Dated(licence.signedAt(), new NoticePdf.IndexEntry(name + "（电子签章版）",
            licence.licenceNumber(), licence.signedAt().atZoneSameInstant(zone).toLocalDate(), 1)));
      }
    });
    if (application.archivedAt() != null) {
      dated.add(new Dated(application.archivedAt(), new NoticePdf.IndexEntry("归档记录", application.caseNumber(),
          application.archivedAt().atZoneSameInstant(zone).toLocalDate(), null)));
    }
    return dated.stream().sorted(Comparator.comparing(Dated::at)).map(Dated::entry).toList();
  }

  /** The index as a printable PDF. */
  public byte[] pdf(long applicationId) {
    LicenceApplication application = applications.get(applicationId);
    return pdf.fileIndex(application.caseNumber(), application.enterpriseName(), application.typeName(),
        properties.licence().issuerName(), entries(applicationId));
  }

  private Integer pages(StoredDocument document) {
    if (document.contentType().startsWith("image/")) {
      return 1;
    }
    if (!"application/pdf".equals(document.contentType()) || document.sizeBytes() > COUNTED_BYTES) {
      return null;
    }
    try (PDDocument file = Loader.loadPDF(documents.download(document.id()).file().toFile())) {
      return file.getNumberOfPages();
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }
}
