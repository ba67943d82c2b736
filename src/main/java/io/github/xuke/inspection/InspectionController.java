package io.github.xuke.inspection;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.calendar.WorkingDayCalendar;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Scheduled inspections, for case officers and supervisors; the evidence of an inspection, uploaded
 * by its participants (body-camera docks and phones post here).
 */
@RestController
@RequestMapping("/api/inspections")
public class InspectionController {

  private final InspectionService inspections;
  private final WorkingDays workingDays;
  private final CurrentUser currentUser;
  private final java.time.Clock clock;

  private final CaseAccess access;

  public InspectionController(InspectionService inspections, WorkingDays workingDays, CurrentUser currentUser,
      java.time.Clock clock, CaseAccess access) {
    this.access = access;
    this.inspections = inspections;
    this.workingDays = workingDays;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Inspections starting from {@code from} up to and including {@code to} (dates; default: the next 7 days). */
  @GetMapping
  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE, StaffGroup.EXPERT}, refusal = "无权查看现场核查安排")
  public List<Inspection> between(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    LocalDate first = date(from, "from", LocalDate.ofInstant(clock.instant(), workingDays.zone()));
    LocalDate last = date(to, "to", first.plusDays(6));
    if (last.isBefore(first) || last.isAfter(first.plusDays(366))) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "to", "查询区间应在一年以内，且结束日期不早于开始日期");
    }
    List<Inspection> found = inspections.between(first.atStartOfDay(workingDays.zone()).toOffsetDateTime(),
        last.plusDays(1).atStartOfDay(workingDays.zone()).toOffsetDateTime());
    // an expert sees the inspections they take part in, not the bureau's whole schedule
    return found.stream().filter(inspection -> access.mayRead(inspection.applicationId())
        && (currentUser.isIn(StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
            StaffGroup.PARTY_COMMITTEE) || isParticipant(inspection))).toList();
  }

  @GetMapping("/{id}")
  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE, StaffGroup.EXPERT}, refusal = "无权查看现场核查安排")
  public Inspection get(@PathVariable long id) {
    Inspection inspection = inspections.get(id);
    access.requireCase(inspection.applicationId());
    return inspection;
  }

  private boolean isParticipant(Inspection inspection) {
    return inspection.participants().stream().anyMatch(p -> p.userId().equals(currentUser.id()));
  }

  /** A photo or video (multipart {@code file}), taken at {@code capturedAt} (e.g. 2026-06-03T09:30) by {@code device}. */
  @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @AllowedGroups({StaffGroup.CASE_OFFICER, StaffGroup.EXPERT})
  public ResponseEntity<Inspection> evidence(@PathVariable long id, @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String capturedAt, @RequestParam(required = false) String device)
      throws IOException {
    Inspection inspection = inspections.get(id);
    access.requireCase(inspection.applicationId());
    if (!isParticipant(inspection) && !currentUser.isIn(StaffGroup.CASE_OFFICER)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", null, "只有参加本次核查的人员可以上传现场影像资料");
    }
    try (InputStream content = file.getInputStream()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(
          inspections.addEvidence(id, file.getOriginalFilename(), content, capturedAt, device, currentUser.id()));
    }
  }


  private static LocalDate date(String text, String field, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field,
          "日期格式应为 2026-06-03：" + TextFields.preview(text));
    }
    if (!WorkingDayCalendar.supports(date)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", field, "日期应在 "
          + WorkingDayCalendar.FIRST_YEAR + " 年至 " + WorkingDayCalendar.LAST_YEAR + " 年之间：" + date);
    }
    return date;
  }
}
