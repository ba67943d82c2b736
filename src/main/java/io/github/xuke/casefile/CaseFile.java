package io.github.xuke.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * 案卷: everything a member of staff needs beside a task, in the words the window uses — the case,
 * the enterprise, the materials with their documents, the notices, the licence, the expert panel
 * and its draws, the inspection, the clocks and the case history. Parts the reader may not see
 * (the panel for the window, for instance) are absent (null), not empty. No internal codes: every
 * state is its Chinese text; links are the app's own download URLs. The few codes it carries
 * (a material's code, the inspection's id, the task's element id) are for the panel's uploads, never shown.
 */
public record CaseFile(
    long applicationId,
    Summary summary,
    EnterpriseFile enterprise,
    List<MaterialFile> materials,
    List<NoticeFile> notices,
    LicenceFile licence,
    ExpertFile experts,
    List<InspectionFile> inspections,
    List<ClockFile> clocks,
    List<HistoryEntry> history,
    ArchiveFile archive,
    Actions actions,
    String taskDefinitionKey) {

  /** The same case file, read beside the task with this element id (the panel offers that step's uploads). */
  CaseFile besideTask(String taskKey) {
    return new CaseFile(applicationId, summary, enterprise, materials, notices, licence, experts, inspections, clocks,
        history, archive, actions, taskKey);
  }

  /** The case at a glance: number, licence type, where it stands and its milestones. */
  public record Summary(String caseNumber, String licenceTypeName, String statusText, OffsetDateTime receivedAt,
      String receivedBy, OffsetDateTime acceptedAt, OffsetDateTime decidedAt, String decisionText,
      OffsetDateTime completedAt, String deliveryText, OffsetDateTime archivedAt) {}

  /** The applicant. */
  public record EnterpriseFile(String name, String creditCode, String contactName, String contactPhone,
      String district, boolean portalAccount) {}

  /** One required material, its state and what was handed in for it. */
  public record MaterialFile(String code, String name, boolean keyMaterial, String stateText, OffsetDateTime submittedAt,
      OffsetDateTime suppliedAt, List<DocumentLink> documents) {}

  /**
   * A document of the case: {@code url} downloads it; {@code viewUrl} opens it in the browser (PDF,
   * photos, videos) and is null for the office files a browser cannot show.
   */
  public record DocumentLink(String name, String typeText, long sizeBytes, OffsetDateTime uploadedAt,
      String uploadedBy, String url, String viewUrl) {}

  /**
   * A notice as issued, with its printable PDF; a document re-issued with the deputy director's
   * digital signature (先批后签) is a notice of its own, {@code signedBy} named.
   */
  public record NoticeFile(String title, String noticeNumber, OffsetDateTime issuedAt, String issuedBy,
      OffsetDateTime signedAt, String signedBy, String pdfUrl) {}

  /**
   * The licence once issued: the certificate's PDF (signed once the deputy director has signed) and,
   * when it was re-issued signed, its first issue, which carries the chief representative's approval.
   */
  public record LicenceFile(String licenceNumber, String holderName, LocalDate issueDate, LocalDate validUntil,
      OffsetDateTime signedAt, String signedBy, String pdfUrl, String firstIssuePdfUrl) {}

  /** The drawn panel, the technical agency and the record of each draw. */
  public record ExpertFile(List<PanelMember> panel, String agencyName, List<DrawFile> draws) {}

  public record PanelMember(String name, String specialty, String stateText, OffsetDateTime invitedAt,
      String conclusionText, OffsetDateTime reviewedAt) {}

  /** One draw: why, when, by whom, and where its record can be checked again. */
  public record DrawFile(String purposeText, OffsetDateTime drawnAt, String drawnBy, int candidates,
      String verificationUrl) {}

  /** The on-site inspection: appointment, people, result and evidence. */
  public record InspectionFile(long inspectionId, OffsetDateTime startsAt, OffsetDateTime endsAt, boolean afterHours, String stateText,
      List<String> people, String resultText, String findings, String recordedBy, OffsetDateTime recordedAt,
      List<EvidenceFile> evidence) {}

  /** A photo or video of the inspection: when and with which device it was taken. */
  public record EvidenceFile(DocumentLink document, OffsetDateTime capturedAt, String device) {}

  /** A clock as the window reads it. */
  public record ClockFile(String label, String stateText, OffsetDateTime dueAt, Integer remainingWorkingDays,
      String remainingText, String light) {}

  /** 归档: the archive record and its index of the file (卷内目录), once the case is archived. */
  public record ArchiveFile(String archiveNumber, OffsetDateTime archivedAt, String archivedBy, List<ArchiveItem> index,
      String indexPdfUrl) {}

  public record ArchiveItem(int sequence, String title, String number, LocalDate date) {}

  /** Who did what, when. */
  public record HistoryEntry(OffsetDateTime at, String who, String what) {}

  /** What the reader may do from the case file. */
  public record Actions(boolean openPortalAccount, boolean uploadMaterials) {}
}
