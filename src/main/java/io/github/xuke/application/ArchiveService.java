package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialSupplyRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.notice.Notices;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.NumberSequences;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.XukeProperties;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xuke.document.DocumentService;
import io.github.xuke.licence.LicenceService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 归档: one self-contained record of a finished case — the application, the materials, their supplies
 * and re-checks, the documents (name, type, size, SHA-256), every notice
 * and decision, and every step with who did it and when — kept in the app's own table, so it
 * outlives the engine's history clean-up. The record has its archive number (档案号), who archived
 * it and when, and the ordered list of what the file holds ({@link ArchiveRecord}: the 卷内目录).
 */
@Service
@Transactional
public class ArchiveService {

  private final ApplicationRepository applications;
  private final EnterpriseRepository enterprises;
  private final MaterialItemRepository materials;
  private final MaterialSupplyRepository supplies;
  private final DocumentService documents;
  private final Notices notices;
  private final LicenceService licences;
  private final HistoryService historyService;
  private final JdbcClient jdbc;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final NumberSequences sequences;
  private final XukeProperties properties;
  private final WorkingDays workingDays;
  private final CurrentUser currentUser;
  private final IdentityService identityService;

  /** The yearly series of archive numbers. */
  static final String ARCHIVE_SEQUENCE = "archive";
  private static final String ARCHIVE_NUMBER = "archiveNumber";
  private static final String ARCHIVED_BY = "archivedBy";
  private static final String ARCHIVED_BY_NAME = "archivedByName";
  private static final String INDEX = "index";

  public ArchiveService(ApplicationRepository applications, EnterpriseRepository enterprises,
      MaterialItemRepository materials, MaterialSupplyRepository supplies, DocumentService documents,
      Notices notices, LicenceService licences,
      HistoryService historyService, JdbcClient jdbc, ObjectMapper mapper, Clock clock, NumberSequences sequences,
      XukeProperties properties, WorkingDays workingDays, CurrentUser currentUser, IdentityService identityService) {
    this.sequences = sequences;
    this.properties = properties;
    this.workingDays = workingDays;
    this.currentUser = currentUser;
    this.identityService = identityService;
    this.supplies = supplies;
    this.documents = documents;
    this.applications = applications;
    this.enterprises = enterprises;
    this.materials = materials;
    this.notices = notices;
    this.licences = licences;
    this.historyService = historyService;
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * The archive of a case as the case file shows it and the 卷内目录 prints it: its number, when and by
   * whom the case was archived, and what the file holds, in order.
   */
  public record ArchiveRecord(String archiveNumber, OffsetDateTime archivedAt, String archivedBy,
      String archivedByName, List<ArchiveEntry> documents) {}

  /**
   * One line of the 卷内目录: its place in the file (from 1), the document's title, its number (文号; null
   * for what the enterprise handed in), its date in the bureau's zone, and what it is.
   */
  public record ArchiveEntry(int sequence, String title, String number, LocalDate date, EntryKind kind) {}

  /** What an entry of the file is. */
  public enum EntryKind {
    /** 申请材料: a material the enterprise handed in, with its files. */
    MATERIAL,
    /** 现场核查影像资料 and the enterprise's evidence of rectification. */
    INSPECTION,
    /** 文书: a notice or decision the bureau issued. */
    NOTICE,
    /** 许可证. */
    LICENCE
  }

  /** A step of the case as the archive shows it. */
  public record Step(String activityId, String name, String type, String by, Date startedAt, Date endedAt) {}

  /** Archives the case once; a second call (a retried job) leaves the first record as it is. */
  public void archive(long applicationId, String processInstanceId) {
    if (find(applicationId).isPresent()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LicenceApplication application = applications.get(applicationId);
    String by = currentUser.id();
    Map<String, Object> record = new LinkedHashMap<>();
    int year = now.atZoneSameInstant(workingDays.zone()).getYear();
    record.put(ARCHIVE_NUMBER, "%s许档〔%d〕%06d".formatted(properties.licence().issuerAbbreviation(), year,
        sequences.next(ARCHIVE_SEQUENCE, year)));
    record.put("archivedAt", now);
    record.put(ARCHIVED_BY, by);
    record.put(ARCHIVED_BY_NAME, name(by));
    record.put(INDEX, index(applicationId));
    record.put("application", application);
    record.put("enterprise", enterprises.findById(application.enterpriseId()).orElseThrow());
    record.put("materials", materials.findByApplication(applicationId));
    record.put("supplies", supplies.findByApplication(applicationId));
    record.put("documents", documents.ofCase(applicationId));
    record.put("notices", notices.ofCase(applicationId));
    record.put("licence", licences.ofCase(applicationId).orElse(null));
    record.put("steps", steps(processInstanceId));
    try {
      jdbc.sql("insert into archive_record (application_id, archived_at, record) values (?, ?, ?)")
          .params(applicationId, now, mapper.writeValueAsString(record))
          .update();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the archive record of case " + applicationId, e);
    }
    applications.markArchived(applicationId, now);
  }

  /**
   * The archive record of a case, if it has been archived: its number, when, by whom, and the documents
   * of the file in order (title, number, date). A case archived before the file had its number and index
   * shows its documents as they are now, and no number.
   */
  @Transactional(readOnly = true)
  public Optional<ArchiveRecord> archiveRecord(long applicationId) {
    return find(applicationId).map(text -> {
      try {
        JsonNode record = mapper.readTree(text);
        List<ArchiveEntry> documents = record.hasNonNull(INDEX)
            ? List.of(mapper.treeToValue(record.get(INDEX), ArchiveEntry[].class))
            : index(applicationId);
        return new ArchiveRecord(textOf(record, ARCHIVE_NUMBER),
            OffsetDateTime.parse(record.path("archivedAt").asText()).withOffsetSameInstant(ZoneOffset.UTC),
            textOf(record, ARCHIVED_BY), textOf(record, ARCHIVED_BY_NAME), documents);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the archive record of case " + applicationId + " is not readable", e);
      }
    });
  }

  /**
   * What the file holds, in order: the materials handed in (each with its files), the inspection's
   * photos and videos and the rectification's evidence, the notices and decisions, the licence — each
   * group by date.
   */
  private List<ArchiveEntry> index(long applicationId) {
    List<ArchiveEntry> entries = new ArrayList<>();
    List<StoredDocument> files = documents.ofCase(applicationId);
    for (MaterialItem item : materials.findByApplication(applicationId)) {
      List<StoredDocument> ofItem = files.stream().filter(file -> item.materialCode().equals(file.materialCode())).toList();
      OffsetDateTime received = item.suppliedAt() != null ? item.suppliedAt() : item.submittedAt();
      if (received == null && ofItem.isEmpty()) {
        continue; // never handed in (tolerated and withdrawn, waived): not in the file
      }
      String title = item.materialName() + (ofItem.isEmpty() ? "（纸质）" : "（电子文档 " + ofItem.size() + " 份）");
      entries.add(new ArchiveEntry(0, title, null,
          day(received != null ? received : ofItem.get(0).uploadedAt()), EntryKind.MATERIAL));
    }
    List<StoredDocument> evidence = files.stream().filter(StoredDocument::inspectionEvidence).toList();
    if (!evidence.isEmpty()) {
      entries.add(new ArchiveEntry(0, "现场核查影像资料（" + evidence.size() + " 份）", null,
          day(evidence.get(0).uploadedAt()), EntryKind.INSPECTION));
    }
    List<StoredDocument> rectification = files.stream()
        .filter(file -> DocumentService.RECTIFICATION.equals(file.materialCode())).toList();
    if (!rectification.isEmpty()) {
      entries.add(new ArchiveEntry(0, "整改材料（" + rectification.size() + " 份）", null,
          day(rectification.get(0).uploadedAt()), EntryKind.INSPECTION));
    }
    for (CaseNotice notice : notices.ofCase(applicationId)) {
      entries.add(new ArchiveEntry(0, title(notice), notice.noticeNumber(), day(notice.issuedAt()), EntryKind.NOTICE));
    }
    licences.ofCase(applicationId).ifPresent(licence -> entries.add(new ArchiveEntry(0,
        applications.get(applicationId).typeName(), licence.licenceNumber(), licence.issueDate(), EntryKind.LICENCE)));
    List<ArchiveEntry> ordered = new ArrayList<>();
    entries.stream().sorted(java.util.Comparator.comparing(ArchiveEntry::kind).thenComparing(ArchiveEntry::date))
        .forEach(entry -> ordered.add(new ArchiveEntry(ordered.size() + 1, entry.title(), entry.number(),
            entry.date(), entry.kind())));
    return ordered;
  }

  /** A notice's title: the first line of its text, as its PDF prints it. */
  private static String title(CaseNotice notice) {
    return notice.content() == null ? notice.kind().name() : notice.content().strip().lines().findFirst()
        .map(String::strip).orElse(notice.kind().name());
  }

  private LocalDate day(OffsetDateTime at) {
    return at.atZoneSameInstant(workingDays.zone()).toLocalDate();
  }

  private String name(String userId) {
    User user = currentUser.withoutAuthorization(() ->
        identityService.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return null;
    }
    String name = ((user.getLastName() == null ? "" : user.getLastName())
        + (user.getFirstName() == null ? "" : user.getFirstName())).strip();
    return name.isEmpty() ? null : name;
  }

  private static String textOf(JsonNode record, String field) {
    return record.hasNonNull(field) ? record.get(field).asText() : null;
  }

  /** The archive record of a case as JSON text, if it has been archived. */
  public Optional<String> find(long applicationId) {
    return jdbc.sql("select record from archive_record where application_id = ?")
        .param(applicationId).query(String.class).optional();
  }

  private List<Step> steps(String processInstanceId) {
    Map<String, String> completedBy = new HashMap<>();
    for (UserOperationLogEntry entry : historyService.createUserOperationLogQuery()
        .processInstanceId(processInstanceId)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()) {
      if (entry.getTaskId() != null && entry.getUserId() != null) {
        completedBy.put(entry.getTaskId(), entry.getUserId());
      }
    }
    List<Step> steps = new ArrayList<>();
    for (HistoricActivityInstance activity : historyService.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId)
        .orderPartiallyByOccurrence().asc()
        .list()) {
      if (activity.getActivityName() == null) {
        continue;
      }
      String by = activity.getTaskId() == null ? null
          : completedBy.getOrDefault(activity.getTaskId(), activity.getAssignee());
      steps.add(new Step(activity.getActivityId(), activity.getActivityName(),
          activity.getActivityType(), by, activity.getStartTime(), activity.getEndTime()));
    }
    return steps;
  }
}
