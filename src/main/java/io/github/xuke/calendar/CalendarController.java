package io.github.xuke.calendar;

import io.github.xuke.web.ApiException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public working-day arithmetic: the same answer the process timers get. */
@RestController
@RequestMapping("/api/calendar")
public class CalendarController {

  /** At most about four years of working days; anything longer is a typing error. */
  private static final int MAX_WORKING_DAYS = 1000;

  private final WorkingDays workingDays;

  public CalendarController(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @GetMapping("/deadline")
  public Deadline deadline(@RequestParam String from, @RequestParam int workingDays) {
    LocalDate start;
    try {
      start = LocalDate.parse(from);
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_DATE", "from",
          "起算日期格式应为 YYYY-MM-DD：" + from);
    }
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_WORKING_DAYS", "workingDays",
          "工作日数应在 0 到 " + MAX_WORKING_DAYS + " 之间：" + workingDays);
    }
    LocalDate due = this.workingDays.calendar().addWorkingDays(start, workingDays);
    return new Deadline(start, workingDays, due, this.workingDays.endOfDay(due).toOffsetDateTime());
  }

  /** The answer: {@code due} is the last day of the limit, {@code dueAt} its last second. */
  public record Deadline(LocalDate from, int workingDays, LocalDate due, OffsetDateTime dueAt) {}
}
