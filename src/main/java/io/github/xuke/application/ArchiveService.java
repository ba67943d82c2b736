package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialSupplyRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.internal.EnterpriseRepository;
import io.github.xuke.application.internal.ApplicationRepository;
import io.github.xuke.notice.Notices;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * outlives the engine's history clean-up.
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

  public ArchiveService(ApplicationRepository applications, EnterpriseRepository enterprises,
      MaterialItemRepository materials, MaterialSupplyRepository supplies, DocumentService documents,
      Notices notices, LicenceService licences,
      HistoryService historyService, JdbcClient jdbc, ObjectMapper mapper, Clock clock) {
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

  /** A step of the case as the archive shows it. */
  public record Step(String activityId, String name, String type, String by, Date startedAt, Date endedAt) {}

  /** Archives the case once; a second call (a retried job) leaves the first record as it is. */
  public void archive(long applicationId, String processInstanceId) {
    if (find(applicationId).isPresent()) {
      return;
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    LicenceApplication application = applications.get(applicationId);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("archivedAt", now);
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
