package io.github.xuke.clock;

import io.github.xuke.application.Cases;
import io.github.xuke.core.LimitUnit;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.calendar.CalendarService;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.system.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA board: every open case with its clocks, breached and provisional ones first, then by the
 * nearest due; and one case's clocks with their history.
 */
@Service
@Transactional(readOnly = true)
public class SlaBoard {

  private final ClockRepository clocks;
  private final Cases applications;
  private final LicenceRequirements requirements;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final WorkingDays workingDays;
  private final CalendarService calendar;
  private final CurrentUser currentUser;
  private final Clock clock;

  public SlaBoard(ClockRepository clocks, Cases applications,
      LicenceRequirements requirements, TaskService taskService, IdentityService identityService,
      WorkingDays workingDays, CalendarService calendar, CurrentUser currentUser, Clock clock) {
    this.identityService = identityService;
    this.clocks = clocks;
    this.applications = applications;
    this.requirements = requirements;
    this.taskService = taskService;
    this.workingDays = workingDays;
    this.calendar = calendar;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** An open task of a case: who has it and until when. */
  public record OpenTask(String name, List<String> groups, String assignee, Date due) {}

  /** One case on the board. */
  public record Row(long applicationId, String caseNumber, String enterpriseName, String licenceType,
      String licenceTypeName, String processInstanceId, ClockView.Light light, boolean breached,
      boolean provisional, OffsetDateTime nextDue, List<ClockView> clocks, List<OpenTask> tasks) {}

  /** Counts for the head of the board. */
  public record Summary(int cases, int green, int amber, int red, int breachedClocks, int provisionalClocks,
      int pausedClocks) {}

  /** The board, filtered; a null filter lets everything through. */
  public record Board(OffsetDateTime generatedAt, String calendarWarning, Summary summary, List<Row> rows) {}

  public Board board(String licenceType, String group, String assignee) {
    Map<Long, List<CaseClock>> byCase = new LinkedHashMap<>();
    clocks.findWatched().forEach(found -> byCase.computeIfAbsent(found.applicationId(), id -> new ArrayList<>()).add(found));
    Map<String, String> typeNames = new HashMap<>();
    requirements.licenceTypes().forEach(type -> typeNames.put(type.code(), type.name()));
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Long, List<CaseClock>> entry : byCase.entrySet()) {
      LicenceApplication application = applications.get(entry.getKey());
      if (licenceType != null && !licenceType.isBlank() && !licenceType.equals(application.licenceType())) {
        continue;
      }
      List<OpenTask> tasks = tasks(application);
      if (group != null && !group.isBlank() && tasks.stream().noneMatch(task -> task.groups().contains(group))) {
        continue;
      }
      if (assignee != null && !assignee.isBlank() && tasks.stream().noneMatch(task -> assignee.equals(task.assignee()))) {
        continue;
      }
      List<ClockView> views = entry.getValue().stream().map(found -> view(found, false)).toList();
      rows.add(new Row(application.id(), application.caseNumber(), application.enterpriseName(),
          application.licenceType(),
          typeNames.getOrDefault(application.licenceType(), application.licenceType()),
          application.processInstanceId(), worst(views),
          views.stream().anyMatch(v -> v.state() == ClockState.BREACHED),
          views.stream().anyMatch(ClockView::provisional),
          views.stream().filter(v -> v.state() == ClockState.RUNNING).map(ClockView::dueAt)
              .min(Comparator.naturalOrder()).orElse(null),
          views, tasks));
    }
    rows.sort(Comparator.comparing((Row row) -> !row.breached())
        .thenComparing(row -> !row.provisional())
        .thenComparing(Row::nextDue, Comparator.nullsLast(Comparator.naturalOrder())));
    int green = 0;
    int amber = 0;
    int red = 0;
    for (Row row : rows) {
      switch (row.light()) {
        case GREEN, GREY -> green++;
        case AMBER -> amber++;
        case RED -> red++;
      }
    }
    List<ClockView> all = rows.stream().flatMap(row -> row.clocks().stream()).toList();
    Summary summary = new Summary(rows.size(), green, amber, red,
        (int) all.stream().filter(v -> v.state() == ClockState.BREACHED).count(),
        (int) all.stream().filter(ClockView::provisional).count(),
        (int) all.stream().filter(v -> v.state() == ClockState.PAUSED).count());
    return new Board(OffsetDateTime.now(clock), calendar.missingNextYearWarning().orElse(null), summary, rows);
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
    return due.isBefore(today)
        ? -workingDays.calendar().workingDaysBetween(due, today)
        : workingDays.calendar().workingDaysBetween(today, due);
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
   * The open tasks of the case and of the processes it calls (found by the case number); a task
   * assigned to a person without candidate groups (a drawn expert's) counts for that person's groups.
   */
  private List<OpenTask> tasks(LicenceApplication application) {
    if (application.processInstanceId() == null) {
      return List.of();
    }
    return currentUser.withoutAuthorization(() -> {
      List<OpenTask> open = new ArrayList<>();
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(application.caseNumber())
          .orderByTaskCreateTime().asc().listPage(0, 50)) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
          if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
            groups.add(link.getGroupId());
          }
        }
        if (groups.isEmpty() && task.getAssignee() != null) {
          identityService.createGroupQuery().groupMember(task.getAssignee()).list()
              .forEach(group -> groups.add(group.getId()));
        }
        open.add(new OpenTask(task.getName(), groups, task.getAssignee(), task.getDueDate()));
      }
      return open;
    });
  }
}
