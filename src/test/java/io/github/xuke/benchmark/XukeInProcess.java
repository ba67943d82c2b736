package io.github.xuke.benchmark;

import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.application.process.CaseDriver;
import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.calendar.WorkingDays;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.inspection.InspectionService;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Xuke in-process: a full case worked inside the running app through the engine's form and task
 * services and Xuke's own services, as the demo users with authorization checks on, the way
 * {@link CaseDriver} works cases in the tests: start form as the clerk, acceptance with the
 * tolerance pledge, the 3 drawn experts confirm and send their pre-review, the officer schedules the
 * inspection, uploads a photo through {@link InspectionService} and records the inspection, review,
 * approval, online signature, the tolerated items supplied, delivery. No HTTP, no JSON.
 */
final class XukeInProcess implements Side {

  private final RunningXuke xuke;
  private final ProcessEngine engine;
  private final CaseDriver driver;
  private String lastCaseNumber;
  private ClockPlan.Recorder recorder;

  XukeInProcess(RunningXuke xuke) {
    this.xuke = xuke;
    this.engine = xuke.engine();
    this.driver = new CaseDriver(engine);
  }

  @Override
  public String name() {
    return "Xuke in-process";
  }

  /** Issue 11: a full case in-process at ≥ 0.5× the bare engine's cases per second. */
  @Override
  public double targetShare() {
    return 0.5;
  }

  @Override
  public SqlCounter counter() {
    return xuke.counter();
  }

  /** Works one case, reading after each step which clock instances it started and stopped. */
  ClockPlan planCase() {
    try {
      workCase(Calls.unmeasured(), true);
      return recorder.plan();
    } finally {
      recorder = null;
    }
  }

  @Override
  public void workCase(Calls completions) {
    workCase(completions, false);
  }

  private void workCase(Calls completions, boolean recordClocks) {
    Map<String, Object> application = CaseDriver.apiApplication(CaseDriver.newCreditCode());
    @SuppressWarnings("unchecked")
    List<String> materials = (List<String>) application.get("materials");
    ProcessInstance instance = driver.start("clerk", CaseDriver.intakeForm((String) application.get("creditCode"),
        (String) application.get("licenceType"), materials));
    lastCaseNumber = CASE_NUMBER.from(engine.getRuntimeService().getVariables(instance.getId()));
    if (recordClocks) {
      long applicationId = APPLICATION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
      JdbcTemplate jdbc = xuke.bean(JdbcTemplate.class);
      recorder = new ClockPlan.Recorder(engine.getHistoryService(), () -> jdbc.queryForList(
          "select 'clock-' || id from case_clock where application_id = ?", String.class, applicationId));
      recorder.stepDone();
    }
    complete(completions, driver.task(instance, TASK_ACCEPT_APPLICATION), "clerk", CaseDriver.form()
        .putValue(ACCEPTANCE_DECISION.name(), LicenceApplicationProcess.Values.ACCEPT)
        .putValue(TOLERANCE_PLEDGED.name(), true));
    for (Task invitation : driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)) {
      complete(completions, invitation, null, CaseDriver.form().putValue(
          ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(), ExpertReviewProcess.Values.PARTICIPATE));
    }
    for (Task review : driver.caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)) {
      complete(completions, review, null, CaseDriver.form()
          .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_CONCLUSION.name(), "PASS")
          .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_COMMENTS.name(), "技术材料已逐项预审"));
    }
    LocalDate day = inspectionDay();
    complete(completions, driver.task(instance, TASK_SCHEDULE_INSPECTION), "officer", CaseDriver.form()
        .putValue(INSPECTION_START.name(), day + "T" + InspectionHour.START)
        .putValue(INSPECTION_HOURS.name(), 3)
        .putValue(INSPECTORS.name(), Spin.JSON(List.of("officer", "officer2"))));
    long inspectionId = INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
    InspectionHour.begin(day);
    try {
      workInspectedCase(completions, instance, inspectionId, day);
    } finally {
      InspectionHour.end();
    }
  }

  /** From the inspection on, on the inspection day's clock. */
  private void workInspectedCase(Calls completions, ProcessInstance instance, long inspectionId, LocalDate day) {
    xuke.bean(InspectionService.class).addEvidence(inspectionId, "现场照片.jpg", new ByteArrayInputStream(CaseDriver.PHOTO),
        day + "T" + InspectionHour.PHOTO, "执法记录仪 01", "officer");
    complete(completions, driver.task(instance, TASK_ON_SITE_INSPECTION), "officer", CaseDriver.form()
        .putValue(INSPECTION_PARTICIPANTS.name(), driver.confirmedParticipants(instance))
        .putValue(INSPECTION_CHECKS.name(), driver.allConforming(instance))
        .putValue(INSPECTION_RESULT.name(), LicenceApplicationProcess.Values.INSPECTION_PASS)
        .putValue(INSPECTION_FINDINGS.name(), "现场条件符合要求"));
    complete(completions, driver.task(instance, TASK_REVIEW_CASE), "officer", CaseDriver.form()
        .putValue(REVIEW_RECOMMENDATION.name(), LicenceApplicationProcess.Values.APPROVE)
        .putValue(REVIEW_OPINION.name(), "建议准予许可，容缺材料后补"));
    complete(completions, driver.task(instance, TASK_APPROVE_LICENCE), "chief", CaseDriver.form()
        .putValue(APPROVAL_DECISION.name(), LicenceApplicationProcess.Values.APPROVE));
    complete(completions, driver.task(instance, TASK_SIGN_ONLINE), "deputy", CaseDriver.form()
        .putValue(SIGNATURE_CONFIRMED.name(), true)
        .putValue(SIGNATURE_REMARK.name(), "同意"));
    complete(completions, driver.task(instance, TASK_RECORD_SUPPLIED_MATERIALS), "clerk2", CaseDriver.form()
        .putValue(SUPPLY_REVIEW.name(), driver.edited(instance, SUPPLY_REVIEW, everySupplyAccepted(instance))));
    complete(completions, driver.task(instance, TASK_DELIVER_LICENCE), "clerk", CaseDriver.form()
        .putValue(DELIVERY_METHOD.name(), "COURIER")
        .putValue(TRACKING_NUMBER.name(), "EMS1029384756"));
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count() != 0) {
      throw new IllegalStateException("the in-process case " + lastCaseNumber + " did not end");
    }
  }

  /** Claims the task as the user (unless it is assigned to its expert) and submits the form, as Tasklist does. */
  private void complete(Calls completions, Task task, String user, VariableMap form) {
    if (task == null) {
      throw new IllegalStateException("a task of case " + lastCaseNumber + " is missing");
    }
    String worker = user == null ? task.getAssignee() : user;
    driver.as(worker, () -> {
      if (user != null) {
        engine.getTaskService().claim(task.getId(), user);
      }
      completions.measure(() -> engine.getFormService().submitTaskForm(task.getId(), form));
      return null;
    });
    if (recorder != null) {
      recorder.stepDone();
    }
  }

  /** Every tolerated item of the case arrives at the window and is accepted. */
  private Map<String, Map<String, String>> everySupplyAccepted(ProcessInstance instance) {
    Map<String, Map<String, String>> changes = new LinkedHashMap<>();
    SpinJsonNode rows = SUPPLY_REVIEW.from(engine.getRuntimeService().getVariables(instance.getId()));
    for (SpinJsonNode row : rows.elements()) {
      changes.put(row.prop("materialCode").stringValue(), CaseDriver.row("result", "ACCEPTED", "channel", "WINDOW"));
    }
    return changes;
  }

  /** The next working day (by weekday where the year's holidays are not loaded yet). */
  private LocalDate inspectionDay() {
    return xuke.bean(WorkingDays.class).dueOf(new Date(), 1).endOfDay().toLocalDate();
  }
}
