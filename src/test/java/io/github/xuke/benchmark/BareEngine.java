package io.github.xuke.benchmark;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;

import com.zaxxer.hikari.HikariDataSource;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.clock.process.CaseClockProcess;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The baseline: a plain Camunda engine ({@link StandaloneProcessEngineConfiguration}, no Spring, no
 * Xuke code) on its own database, history full, job executor off, authorization checks off (the
 * engine's default), Spin's JSON format for object variables. It deploys Xuke's own files from
 * {@code processes/} (diagrams, decision, forms) with every {@code ${…}} delegate and listener bean
 * replaced by a {@link StandIn} that does nothing but write the variables the driver hands it.
 *
 * <p>A case here is what a Xuke case is in the engine: the same 14 user tasks completed in the same
 * order (each candidate-group task claimed first), the expert review called with a panel of 3, and
 * as many {@code CaseClock} instances as a Xuke case has, started and stopped in the same steps'
 * transactions ({@link ClockPlan}). The driver gives only the variables the gateways, timers, the
 * multi-instance panel and the assignments read.
 */
final class BareEngine implements Side, AutoCloseable {

  private static final Pattern BEAN = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
  private static final List<String> PANEL = List.of("expert", "expert2", "expert3");

  private final SqlCounter counter = new SqlCounter();
  private final HikariDataSource pool;
  private final StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
  private final ProcessEngine engine;
  private final ClockPlan clocks;
  private final AtomicInteger serial = new AtomicInteger();

  BareEngine(BenchmarkDatabase database, Path dataDir, ClockPlan clocks) {
    this.clocks = clocks;
    BenchmarkDatabase.Jdbc jdbc = database.jdbc("bare", dataDir);
    pool = new HikariDataSource();
    pool.setJdbcUrl(jdbc.url());
    pool.setUsername(jdbc.user());
    pool.setPassword(jdbc.password());
    Map<String, byte[]> files = processFiles();
    StandIn standIn = new StandIn(Map.of(ExpertReviewProcess.Elements.TASK_DRAW_EXPERT_PANEL, this::panel));
    Map<Object, Object> beans = new HashMap<>();
    beanNames(files).forEach(name -> beans.put(name, standIn));
    configuration.setProcessEngineName("bare");
    configuration.setDataSource(counter.wrap("bare", pool));
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setJobExecutorActivate(false);
    configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    configuration.setBeans(beans);
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    engine = configuration.buildProcessEngine();
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("xuke-processes");
    files.forEach((name, bytes) -> deployment.addString(name, new String(bytes, StandardCharsets.UTF_8)));
    deployment.deploy();
  }

  @Override
  public String name() {
    return "bare engine";
  }

  @Override
  public SqlCounter counter() {
    return counter;
  }

  @Override
  public void workCase(Calls completions) {
    String caseNumber = "BARE-" + serial.incrementAndGet();
    Deque<String> watches = new ArrayDeque<>();
    String instance = inStep(0, watches, () -> engine.getRuntimeService()
        .startProcessInstanceByKey(LicenceApplicationProcess.PROCESS_ID, caseNumber).getId());
    Date soon = Date.from(Instant.now().plus(Duration.ofDays(3)));
    int step = 0;
    step = complete(step, watches, completions, task(instance, TASK_ACCEPT_APPLICATION), "clerk", variables()
        .putValue(LicenceApplicationProcess.Variables.ACCEPTANCE_DECISION.name(), LicenceApplicationProcess.Values.ACCEPT)
        .putValue(LicenceApplicationProcess.Variables.TOLERATED_OUTSTANDING.name(), true)
        .putValue(LicenceApplicationProcess.Variables.INSPECTION_WARN_AT.name(), soon));
    for (Task invitation : caseTasks(caseNumber, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)) {
      step = complete(step, watches, completions, invitation, null, variables().putValue(
          ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.PARTICIPATE));
    }
    for (Task review : caseTasks(caseNumber, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)) {
      step = complete(step, watches, completions, review, null, variables());
    }
    step = complete(step, watches, completions, task(instance, TASK_SCHEDULE_INSPECTION), "officer", variables());
    step = complete(step, watches, completions, task(instance, TASK_ON_SITE_INSPECTION), "officer", variables()
        .putValue(LicenceApplicationProcess.Variables.INSPECTION_RESULT.name(), LicenceApplicationProcess.Values.INSPECTION_PASS));
    step = complete(step, watches, completions, task(instance, TASK_REVIEW_CASE), "officer", variables());
    step = complete(step, watches, completions, task(instance, TASK_APPROVE_LICENCE), "chief", variables()
        .putValue(LicenceApplicationProcess.Variables.APPROVAL_DECISION.name(), LicenceApplicationProcess.Values.APPROVE)
        .putValue(LicenceApplicationProcess.Variables.SIGNATURE_DUE_AT.name(), soon));
    step = complete(step, watches, completions, task(instance, TASK_SIGN_ONLINE), "deputy", variables());
    step = complete(step, watches, completions, task(instance, TASK_RECORD_SUPPLIED_MATERIALS), "clerk2", variables()
        .putValue(LicenceApplicationProcess.Variables.TOLERATED_OUTSTANDING.name(), false));
    complete(step, watches, completions, task(instance, TASK_DELIVER_LICENCE), "clerk", variables());
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("the bare case " + caseNumber + " did not end");
    }
  }

  /** Claims the task (unless it is assigned already), then completes it with the step's clock work. */
  private int complete(int step, Deque<String> watches, Calls completions, Task task, String claimer,
      VariableMap variables) {
    if (claimer != null) {
      engine.getTaskService().claim(task.getId(), claimer);
    }
    int next = step + 1;
    completions.measure(() -> inStep(next, watches, () -> {
      engine.getTaskService().complete(task.getId(), variables);
      return null;
    }));
    return next;
  }

  /** Runs the step's work and the clock starts and stops of that step in one transaction. */
  private <T> T inStep(int step, Deque<String> watches, Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      T result = work.get();
      for (int started = 0; started < clocks.startedAt(step); started++) {
        VariableMap timers = variables();
        CaseClockProcess.Variables.CLOCK_KIND.put(timers, "BARE");
        CaseClockProcess.Variables.WARN_AT.put(timers, Date.from(Instant.now().plus(Duration.ofDays(1))));
        CaseClockProcess.Variables.DUE_AT.put(timers, Date.from(Instant.now().plus(Duration.ofDays(2))));
        watches.add(engine.getRuntimeService().startProcessInstanceByKey(CaseClockProcess.PROCESS_ID,
            "clock-bare-" + serial.incrementAndGet(), timers).getId());
      }
      for (int stopped = 0; stopped < clocks.stoppedAt(step); stopped++) {
        engine.getRuntimeService().createMessageCorrelation(CaseClockProcess.MESSAGE_CLOCK_STOPPED)
            .processInstanceId(watches.remove()).correlateWithResult();
      }
      return result;
    });
  }

  private Task task(String instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult();
  }

  private List<Task> caseTasks(String caseNumber, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key)
        .orderByTaskId().asc().list();
  }

  /** What Xuke's draw writes and the pre-review sub-process reads: the panel, the answer due, the finding rows. */
  private void panel(DelegateExecution execution) {
    ExpertReviewProcess.Variables.EXPERT_PANEL.set(execution, PANEL);
    ExpertReviewProcess.Variables.ANSWER_DUE_AT.set(execution, Date.from(Instant.now().plus(Duration.ofDays(1))));
    ExpertReviewProcess.Variables.FINDING_ROWS.set(execution, Spin.JSON("[]"));
  }

  private static VariableMap variables() {
    return Variables.createVariables();
  }

  /** Every BPMN, DMN and form file of {@code processes/}, by its name relative to that folder. */
  private static Map<String, byte[]> processFiles() {
    Map<String, byte[]> files = new TreeMap<>();
    try {
      for (String pattern : List.of("*.bpmn", "*.dmn", "forms/*.form")) {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/" + pattern)) {
          String url = resource.getURL().toString();
          try (InputStream in = resource.getInputStream()) {
            files.put(url.substring(url.lastIndexOf("processes/") + "processes/".length()), in.readAllBytes());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read processes/", e);
    }
    if (files.keySet().stream().noneMatch(name -> name.endsWith(".bpmn"))) {
      throw new IllegalStateException("no diagram under classpath:processes/");
    }
    return files;
  }

  /** The bean names the diagrams' delegate expressions ask for. */
  private static Set<String> beanNames(Map<String, byte[]> files) {
    Set<String> names = new TreeSet<>();
    files.forEach((name, bytes) -> {
      Matcher matcher = BEAN.matcher(new String(bytes, StandardCharsets.UTF_8));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    });
    return names;
  }

  @Override
  public void close() {
    engine.close();
    pool.close();
  }

  /**
   * Stands in for every delegate and listener bean of the diagrams: does nothing, except write the
   * variables that the driver registered for the element it runs at.
   */
  static final class StandIn implements JavaDelegate, ExecutionListener, TaskListener {

    private final Map<String, Consumer<DelegateExecution>> writes;

    StandIn(Map<String, Consumer<DelegateExecution>> writes) {
      this.writes = writes;
    }

    @Override
    public void execute(DelegateExecution execution) {
      writes.getOrDefault(execution.getCurrentActivityId(), ignored -> {}).accept(execution);
    }

    @Override
    public void notify(DelegateExecution execution) {}

    @Override
    public void notify(DelegateTask task) {}
  }
}
