package io.github.xuke.clock;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.application.Cases;
import io.github.xuke.system.CaseAccess;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clocks over HTTP: the SLA board, a case's clocks, and pausing, resuming and extending a
 * clock — each with a reason; an extension only by the deputy director.
 */
@RestController
public class ClockController {

  private final SlaBoard board;
  private final CaseClocks clocks;
  private final Cases applications;
  private final CaseAccess access;

  public ClockController(SlaBoard board, CaseClocks clocks, Cases applications, CaseAccess access) {
    this.access = access;
    this.board = board;
    this.clocks = clocks;
    this.applications = applications;
  }

  @GetMapping("/api/sla/board")
  @AllowedGroups(value = {StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR, StaffGroup.PARTY_COMMITTEE},
      refusal = "期限看板仅供局领导、首席代表和监督人员查看。")
  public SlaBoard.Board board(@RequestParam(required = false) String licenceType,
      @RequestParam(required = false) String group, @RequestParam(required = false) String assignee,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    if (page < 0 || page > 1_000_000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "page", "页码应在 0 至 1000000 之间。");
    }
    if (size < 1 || size > SlaBoard.MAX_PAGE_SIZE) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "size",
          "每页条数应在 1 至 " + SlaBoard.MAX_PAGE_SIZE + " 之间。");
    }
    return board.board(licenceType, group, assignee, page, size);
  }

  @GetMapping("/api/applications/{id}/clocks")
  public List<ClockView> ofCase(@PathVariable long id) {
    requireCase(id);
    return board.ofCase(id);
  }

  /** The clocks of the case a process instance belongs to (the case itself or one of its watches). */
  @GetMapping("/api/clocks")
  public CaseClocksView byProcessInstance(@RequestParam String processInstanceId) {
    long id = applications.findByProcessInstance(processInstanceId).map(application -> application.id())
        .or(() -> board.applicationOfWatch(processInstanceId))
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "processInstanceId",
            "该流程实例不属于任何许可案件：" + TextFields.preview(processInstanceId)));
    access.requireCase(id);
    return new CaseClocksView(id, applications.get(id).caseNumber(), board.ofCase(id));
  }

  /** A case's number and clocks. */
  public record CaseClocksView(long applicationId, String caseNumber, List<ClockView> clocks) {}

  /** A pause, resume or extension: why, and for an extension by how much. */
  public record ClockChange(String reason, Integer units) {}

  @PostMapping("/api/applications/{id}/clocks/{kind}/pause")
  @AllowedGroups(value = {StaffGroup.WINDOW_CLERK, StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE,
      StaffGroup.DEPUTY_DIRECTOR}, refusal = "您无权调整期限。")
  public List<ClockView> pause(@PathVariable long id, @PathVariable String kind, @RequestBody ClockChange change) {
    return byCaseStaff(id, () -> clocks.pause(id, kind(kind), change.reason()));
  }

  @PostMapping("/api/applications/{id}/clocks/{kind}/resume")
  @AllowedGroups(value = {StaffGroup.WINDOW_CLERK, StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE,
      StaffGroup.DEPUTY_DIRECTOR}, refusal = "您无权调整期限。")
  public List<ClockView> resume(@PathVariable long id, @PathVariable String kind, @RequestBody ClockChange change) {
    return byCaseStaff(id, () -> clocks.resume(id, kind(kind), change.reason()));
  }

  /** A pause or resume: any staff member working cases, with a reason. */
  private List<ClockView> byCaseStaff(long id, Runnable change) {
    requireCase(id);
    apply(change);
    return board.ofCase(id);
  }

  @PostMapping("/api/applications/{id}/clocks/{kind}/extend")
  @AllowedGroups(value = StaffGroup.DEPUTY_DIRECTOR, refusal = "延长期限须经分管局长批准。")
  public List<ClockView> extend(@PathVariable long id, @PathVariable String kind, @RequestBody ClockChange change) {
    requireCase(id);
    if (change.units() == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CLOCK_CHANGE", "units", "请填写延长的天数");
    }
    apply(() -> clocks.extend(id, kind(kind), change.units(), change.reason()));
    return board.ofCase(id);
  }

  private void requireCase(long id) {
    if (applications.find(id).isEmpty()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到申请 " + id);
    }
    access.requireCase(id);
  }

  private static ClockKind kind(String kind) {
    try {
      return ClockKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_CLOCK", "kind", "未知的期限类型：" + TextFields.preview(kind));
    }
  }

  private static void apply(Runnable change) {
    try {
      change.run();
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CLOCK_CHANGE", "reason", e.getMessage());
    }
  }
}
