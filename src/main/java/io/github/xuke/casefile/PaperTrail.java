package io.github.xuke.casefile;

import io.github.xuke.application.Cases;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.DocumentType;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.licence.LicenceService;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The papers of a case file: its materials with their documents, its notices and its licence. */
@Component
class PaperTrail {

  private static final Map<String, String> TYPE_TEXTS = Map.of(
      "application/pdf", "PDF 文件",
      "application/ofd", "OFD 版式文件",
      "image/jpeg", "照片",
      "image/png", "图片",
      "video/mp4", "视频",
      "video/quicktime", "视频（MOV，需下载）",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word 文档（需下载）",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 表格（需下载）",
      "application/x-ole-storage", "Office 文档（需下载）");

  private final Cases cases;
  private final DocumentService documents;
  private final Notices notices;
  private final LicenceService licences;

  PaperTrail(Cases cases, DocumentService documents, Notices notices, LicenceService licences) {
    this.cases = cases;
    this.documents = documents;
    this.notices = notices;
    this.licences = licences;
  }

  /** Every stored document of the case, read once for the materials and the inspection's evidence. */
  List<StoredDocument> documentsOf(long applicationId) {
    return documents.ofCase(applicationId);
  }

  List<CaseFile.MaterialFile> materials(long applicationId, List<StoredDocument> stored, StaffNames names) {
    Map<String, List<StoredDocument>> byMaterial = stored.stream().filter(document -> !document.inspectionEvidence())
        .collect(Collectors.groupingBy(StoredDocument::materialCode));
    return cases.materials(applicationId).stream().map((MaterialItem item) -> new CaseFile.MaterialFile(
        item.materialCode(), item.materialName(), item.keyMaterial(), item.stateText(), item.submittedAt(), item.suppliedAt(),
        byMaterial.getOrDefault(item.materialCode(), List.of()).stream().map(document -> link(document, names)).toList()))
        .toList();
  }

  static CaseFile.DocumentLink link(StoredDocument document, StaffNames names) {
    String url = "/api/documents/" + document.id();
    return new CaseFile.DocumentLink(document.originalName(),
        TYPE_TEXTS.getOrDefault(document.contentType(), "文件"), document.sizeBytes(), document.uploadedAt(),
        names.of(document.uploadedBy()), url, DocumentType.opensInBrowser(document.contentType()) ? url + "?view=true" : null);
  }

  List<CaseFile.NoticeFile> notices(long applicationId, StaffNames names) {
    return notices.ofCase(applicationId).stream().map((CaseNotice notice) -> new CaseFile.NoticeFile(title(notice),
        notice.noticeNumber(), notice.issuedAt(), names.of(notice.issuedBy()), notice.signedAt(),
        names.of(notice.signedBy()), "/api/notices/" + notice.id() + "/pdf"))
        .toList();
  }

  CaseFile.LicenceFile licence(long applicationId, StaffNames names) {
    return licences.ofCase(applicationId).map(licence -> new CaseFile.LicenceFile(licence.licenceNumber(),
        licence.holderName(), licence.issueDate(), licence.validUntil(), licence.signedAt(), names.of(licence.signedBy()),
        "/api/applications/" + applicationId + "/licence/pdf",
        licence.signedAt() == null ? null : "/api/applications/" + applicationId + "/licence/first-issue/pdf")).orElse(null);
  }

  /** A notice's title is the first line of its text (一次性告知书, 受理通知书 …). */
  private static String title(CaseNotice notice) {
    String content = notice.content() == null ? "" : notice.content().strip();
    int end = content.indexOf('\n');
    return (end < 0 ? content : content.substring(0, end)).strip();
  }
}
