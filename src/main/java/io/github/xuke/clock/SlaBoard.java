package io.github.xuke.clock;

import io.github.xuke.application.Cases;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.calendar.CalendarService;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.licence.LicenceRequirements;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA board: the open cases with their clocks, a page at a time, breached and provisional ones
 * first, then by the nearest due; and one case's clocks with their history.
 */
@Service
@Transactional(readOnly = true)
public class SlaBoard {

  private final ClockRepository clocks;
  private final SlaBoardQueries queries;
  private final Cases applications;
  private final LicenceRequirements requirements;
  private final WorkingDays workingDays;
  private final CalendarService calendar;
  private final Clock clock;

  SlaBoard(ClockRepository clocks, SlaBoardQueries queries, Cases applications, LicenceRequirements requirements,
      WorkingDays workingDays, CalendarService calendar, Clock clock) {
    this.clocks = clocks;
    this.queries = queries;
    this.applications = applications;
    this.requirements = requirements;
    this.workingDays = workingDays;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** An open task of a case: who has it and until when. */
  public record OpenTask(String name, List<String> groups, String assignee, Date due) {}

  /** One case on the board. */
  public record Row(long applicationId, String caseNumber, String enterpriseName, String licenceType,
      String licenceTypeName, String processInstanceId, ClockView.Light light, boolean breached,
      boolean provisional, OffsetDateTime nextDue, List<ClockView> clocks, List<OpenTask> tasks) {}

  /** Counts for the head of the board: every case the filter lets through, not only the page's. */
  public record Summary(int cases, int green, int amber, int red, int breachedClocks, int provisionalClocks,
      int pausedClocks) {}

  /** One page of the board, filtered; {@code summary.cases} is the number of cases on all pages. */
  public record Board(OffsetDateTime generatedAt, String calendarWarning, Summary summary, int page, int size,
      List<Row> rows, List<LicenceTypeOption> licenceTypes) {}

  /** A licence type the board can be filtered by. */
  public record LicenceTypeOption(String code, String name) {}

  /** The most cases one page shows. */
  public static final int MAX_PAGE_SIZE = 200;

  /**
   * One page of the board: breached cases first, then those with a provisional clock, then by the
   * nearest due; a null or blank filter lets everything through. A handful of statements, whatever the
   * number of open cases (see {@link SlaBoardQueries}).
   */
  public Board board(String licenceType, String group, String assignee, int page, int size) {
    SlaBoardQueries.Filter filter = new SlaBoardQueries.Filter(licenceType, group, assignee);
    OffsetDateTime now = OffsetDateTime.now(clock);
    SlaBoardQueries.Counts counts = queries.counts(filter, now);
    List<Long> ids = queries.page(filter, page, size);
    Map<Long, LicenceApplication> cases = applications.all(ids);
    Map<Long, List<CaseClock>> clocksByCase = queries.watchedClocks(ids);
    Map<String, List<OpenTask>> tasks = tasks(cases.values().stream().map(LicenceApplication::caseNumber).toList());
    List<LicenceTypeOption> types = requirements.licenceTypes().stream()
        .map(type -> new LicenceTypeOption(type.code(), type.name())).toList();
    Map<String, String> typeNames = new HashMap<>();
    types.forEach(type -> typeNames.put(type.code(), type.name()));
    List<Row> rows = new ArrayList<>();
    for (long id : ids) {
      LicenceApplication application = cases.get(id);
      List<ClockView> views = clocksByCase.getOrDefault(id, List.of()).stream().map(found -> view(found, false)).toList();
      rows.add(new Row(application.id(), application.caseNumber(), application.enterpriseName(),
          application.licenceType(),
          typeNames.getOrDefault(application.licenceType(), application.licenceTypeName()),
          application.processInstanceId(), worst(views),
          views.stream().anyMatch(v -> v.state() == ClockState.BREACHED),
          views.stream().anyMatch(ClockView::provisional),
          views.stream().filter(v -> v.state() == ClockState.RUNNING).map(ClockView::dueAt)
              .min(Comparator.naturalOrder()).orElse(null),
          views, tasks.getOrDefault(application.caseNumber(), List.of())));
    }
    Summary summary = new Summary(counts.cases(), counts.cases() - counts.red() - counts.amber(), counts.amber(),
        counts.red(), counts.breachedClocks(), counts.provisionalClocks(), counts.pausedClocks());
    return new Board(now, calendar.missingNextYearWarning().orElse(null), summary, page, size, rows, types);
  }

  /** The case whose clock a {@code CaseClock} instance watches. */
  public java.util.Optional<Long> applicationOfWatch(String processInstanceId) {
    return clocks.findByWatch(processInstanceId).map(CaseClock::applicationId);
  }

  /** Every clock of one case, with its history. */
  public List<ClockView> ofCase(long applicationId) {
    return clocks.findByApplication(applicationId).stream().map(found -> view(found, true)).toList();
  }

  ClockView view(CaseClock found, boolean withHistory) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Integer remaining = found.state().open() || found.state() == ClockState.BREACHED ? remaining(found) : null;
    ClockView.Light light;
    if (found.state() == ClockState.BREACHED || (found.state() == ClockState.RUNNING && now.isAfter(found.dueAt()))) {
      light = ClockView.Light.RED;
    } else if (found.state() == ClockState.RUNNING && !now.isBefore(found.warnAt())) {
      light = ClockView.Light.AMBER;
    } else if (found.state() == ClockState.RUNNING) {
      light = ClockView.Light.GREEN;
    } else {
      light = ClockView.Light.GREY;
    }
    return new ClockView(found.id(), found.kind(), found.kind().label(), found.kind().basis(),
        found.startedAt(), found.limitValue(), found.limitUnit(), found.extensionValue(),
        found.pausedValue(), found.dueAt(), found.warnAt(), found.provisional(), found.state(),
        ClockView.stateLabel(found.state()), remaining, light, found.metAt(), found.breachedAt(),
        withHistory ? clocks.events(found.id()) : List.of());
  }

  /** Units left until the due day (0 on the day itself), negative once it has passed. */
  private int remaining(CaseClock found) {
    LocalDate today = LocalDate.now(clock.withZone(workingDays.zone()));
    LocalDate due = found.dueAt().atZoneSameInstant(workingDays.zone()).toLocalDate();
    if (found.limitUnit() == LimitUnit.DAYS) {
      return (int) ChronoUnit.DAYS.between(today, due);
    }
    return workingDays.calendar().workingDaysLeft(today, due);
  }

  private static ClockView.Light worst(List<ClockView> views) {
    return views.stream().map(ClockView::light)
        .max(Comparator.comparingInt(light -> switch (light) {
          case GREY -> 0;
          case GREEN -> 1;
          case AMBER -> 2;
          case RED -> 3;
        }))
        .orElse(ClockView.Light.GREY);
  }

  /**
   * The open tasks of the cases and of the processes they call, by case number; a task assigned to a
   * person without candidate groups (a drawn expert's) counts for that person's groups.
   */
  private Map<String, List<OpenTask>> tasks(List<String> caseNumbers) {
    List<SlaBoardQueries.TaskRow> open = queries.openTasks(caseNumbers);
    Map<String, List<String>> candidates = queries.candidateGroups(open.stream().map(SlaBoardQueries.TaskRow::id).toList());
    Map<String, List<String>> membership = queries.groupsOf(open.stream()
        .filter(task -> !candidates.containsKey(task.id()) && task.assignee() != null)
        .map(SlaBoardQueries.TaskRow::assignee).distinct().toList());
    Map<String, List<OpenTask>> byCase = new HashMap<>();
    for (SlaBoardQueries.TaskRow task : open) {
      List<String> groups = candidates.containsKey(task.id()) ? candidates.get(task.id())
          : task.assignee() == null ? List.of() : membership.getOrDefault(task.assignee(), List.of());
      byCase.computeIfAbsent(task.caseNumber(), number -> new ArrayList<>())
          .add(new OpenTask(task.name(), List.copyOf(groups), task.assignee(), task.due()));
    }
    return byCase;
  }
}
