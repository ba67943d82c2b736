package io.github.xuke.inspection;

import io.github.xuke.application.process.LicenceApplicationProcess.Values;
import io.github.xuke.calendar.WorkingDayCalendar;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.inspection.internal.InspectionRepository;
import io.github.xuke.inspection.internal.InspectionWindow;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspections of the bureau as staff and the portal read them, and their evidence: photos and
 * videos with when they were taken and by which device. Scheduling is {@link InspectionScheduling},
 * the record and the re-check {@link InspectionRecords}.
 */
@Service
@Transactional
public class InspectionService {

  /** {@code inspection_evidence.device}. */
  static final int MAX_DEVICE = 60;

  private final InspectionRepository inspections;
  private final WorkingDays workingDays;
  private final DocumentService documents;
  private final InspectionWindow window;
  private final Clock clock;

  public InspectionService(InspectionRepository inspections, WorkingDays workingDays, DocumentService documents,
      InspectionWindow window, Clock clock) {
    this.inspections = inspections;
    this.workingDays = workingDays;
    this.documents = documents;
    this.window = window;
    this.clock = clock;
  }

  /** Whether the case waits for the enterprise's rectification (recorded RECTIFY, not yet re-checked). */
  @Transactional(readOnly = true)
  public boolean awaitsRectification(long applicationId) {
    return inspections.latestOf(applicationId).filter(found -> found.state() == Inspection.State.RECORDED)
        .filter(found -> Values.INSPECTION_RECTIFY.equals(found.result()) && found.rectificationResult() == null)
        .isPresent();
  }

  /** The case's latest on-site inspection, scheduled or recorded. */
  @Transactional(readOnly = true)
  public java.util.Optional<Inspection> latestOf(long applicationId) {
    return inspections.latestOf(applicationId);
  }

  /**
   * A photo or video from the inspection, with when it was taken ({@code 2026-06-03 09:30} in the bureau's
   * zone, or with its offset as devices write it) and by which device; refused unless it was taken during
   * the inspection ({@link InspectionWindow}).
   */
  public Inspection addEvidence(long inspectionId, String fileName, InputStream content, String capturedAt,
      String device, String by) {
    Inspection inspection = get(inspectionId);
    OffsetDateTime captured = capturedAt(capturedAt);
    if (!WorkingDayCalendar.supports(captured.toLocalDate())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_EVIDENCE", InspectionFields.CAPTURED_AT, "拍摄时间应在 "
          + WorkingDayCalendar.FIRST_YEAR + " 年至 " + WorkingDayCalendar.LAST_YEAR + " 年之间");
    }
    window.requireInside(inspection, captured, "拍摄时间", InspectionFields.CAPTURED_AT);
    String checkedDevice = TextFields.optional(device, "device", "拍摄设备", MAX_DEVICE);
    StoredDocument stored = documents.storeEvidence(inspection.applicationId(), fileName, content, by);
    inspections.insertEvidence(inspectionId, stored.id(), captured.withOffsetSameInstant(ZoneOffset.UTC),
        checkedDevice, by, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    return inspections.find(inspectionId).orElseThrow();
  }

  /** {@code 2026-06-03 09:30} or {@code 2026-06-03T09:30[:ss]} in the bureau's zone, or an ISO time with its offset. */
  private OffsetDateTime capturedAt(String text) {
    String value = text == null ? "" : text.strip();
    try {
      if (value.endsWith("Z") || value.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).atZoneSameInstant(workingDays.zone()).toOffsetDateTime();
      }
      return LocalDateTime.parse(value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) +", "$1T"))
          .atZone(workingDays.zone()).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_EVIDENCE", InspectionFields.CAPTURED_AT,
          "请填写拍摄时间，格式如 2026-06-03 09:30" + (value.isEmpty() ? "" : "：" + TextFields.preview(value)));
    }
  }

  @Transactional(readOnly = true)
  public List<Inspection> between(OffsetDateTime from, OffsetDateTime to) {
    return inspections.between(from, to);
  }

  @Transactional(readOnly = true)
  public Inspection get(long id) {
    return inspections.find(id).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到现场核查 " + id));
  }
}
