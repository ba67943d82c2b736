package io.github.xuke.application.process;

import io.github.xuke.core.ProcessVariable;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.core.CreditCode;
import io.github.xuke.expert.process.ExpertReviewProcess;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import io.github.xuke.licence.LicenceRequirements;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Works a case the way staff do in Tasklist: logged in as a demo user, starting from the start
 * form, claiming each task and submitting its form's variables. Authorization checks stay on.
 */
public class CaseDriver {

  private static final AtomicInteger SERIAL = new AtomicInteger(1000);

  private final ProcessEngine engine;

  public CaseDriver(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Every material of 危险化学品经营许可证（带储存设施）: a complete application of that type. */
  public static final List<String> STORAGE_MATERIALS = List.of("APPLICATION_FORM", "BUSINESS_LICENCE",
      "PRINCIPAL_QUALIFICATION", "SAFETY_RULES", "EMERGENCY_PLAN", "PREMISES_PROOF",
      "STORAGE_FACILITY_PROOF", "SPECIAL_OPERATOR_CERTS", "SAFETY_ASSESSMENT_REPORT",
      "COMPLETION_ACCEPTANCE_REPORT");

  /** A valid credit code not used by any other test. */
  public static String newCreditCode() {
    String first17 = "91310000" + "%09d".formatted(SERIAL.incrementAndGet());
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** The JSON body of {@code POST /api/applications}: 危险化学品安全使用许可证, two items tolerated. */
  public static Map<String, Object> apiApplication(String creditCode) {
    Map<String, Object> body = new HashMap<>();
    body.put("enterpriseName", "上海安泰化工有限公司");
    body.put("creditCode", creditCode);
    body.put("contactName", "张三");
    body.put("contactPhone", "13812345678");
    body.put("licenceType", "HAZCHEM_SAFE_USE");
    body.put("registeredAddress", REGISTERED_ADDRESS_TEXT);
    body.put("principalName", PRINCIPAL_NAME_TEXT);
    body.put("businessMode", BUSINESS_MODE_TEXT);
    body.put("licenceScope", LICENCE_SCOPE_TEXT);
    body.put("materials", List.of("APPLICATION_FORM", "BUSINESS_LICENCE", "PRINCIPAL_QUALIFICATION",
        "SAFETY_RULES", "EMERGENCY_PLAN", "HAZCHEM_INVENTORY", "SAFETY_ASSESSMENT_REPORT",
        "COMPLETION_ACCEPTANCE_REPORT"));
    return body;
  }

  /** What the clerk types into the start form. */
  public static VariableMap intakeForm(String creditCode, String licenceType, List<String> materials) {
    VariableMap form = Variables.createVariables();
    ENTERPRISE_NAME.put(form, "测试化工有限公司" + creditCode.substring(12, 17));
    CREDIT_CODE.put(form, creditCode);
    CONTACT_NAME.put(form, "张三");
    CONTACT_PHONE.put(form, "13812345678");
    LICENCE_TYPE.put(form, licenceType);
    REGISTERED_ADDRESS.put(form, REGISTERED_ADDRESS_TEXT);
    PRINCIPAL_NAME.put(form, PRINCIPAL_NAME_TEXT);
    BUSINESS_MODE.put(form, BUSINESS_MODE_TEXT);
    LICENCE_SCOPE.put(form, LICENCE_SCOPE_TEXT);
    form.putValue(SUBMITTED_MATERIALS.name(), Spin.JSON(materials));
    return form;
  }

  /** The certificate's particulars every test application gives (every licence type asks for some). */
  public static final String REGISTERED_ADDRESS_TEXT = "上海市浦东新区张江路 100 号";
  public static final String PRINCIPAL_NAME_TEXT = "李建国";
  public static final String BUSINESS_MODE_TEXT = "批发（带储存）";
  public static final String LICENCE_SCOPE_TEXT = "汽油、柴油、甲醇";

  /** The form with the particulars every test application gives. */
  public static io.github.xuke.application.ApplicationForm withParticulars(io.github.xuke.application.ApplicationForm form) {
    return form.withParticulars(REGISTERED_ADDRESS_TEXT, PRINCIPAL_NAME_TEXT, BUSINESS_MODE_TEXT, LICENCE_SCOPE_TEXT);
  }

  /** Submits Tasklist's start form of the licence application as the user. */
  public ProcessInstance start(String user, VariableMap form) {
    return start(user, LicenceApplicationProcess.PROCESS_ID, form);
  }

  /** Submits the start form of any process as the user. */
  public ProcessInstance start(String user, String processKey, VariableMap form) {
    return as(user, () -> engine.getFormService().submitStartForm(
        engine.getRepositoryService().createProcessDefinitionQuery()
            .processDefinitionKey(processKey).latestVersion().singleResult().getId(),
        form));
  }

  /** Every material the licence type requires, from the licence requirements decision. */
  public List<String> completeMaterials(String licenceType) {
    return engine.getDecisionService().evaluateDecisionByKey(LicenceRequirements.REQUIRED_MATERIALS_DECISION)
        .variables(Variables.putValue(LicenceRequirements.LICENCE_TYPE_INPUT, licenceType))
        .evaluate().collectEntries("materialCode");
  }

  /** A complete application of the type, received and accepted by the clerk. */
  public ProcessInstance acceptedCase(String licenceType) {
    ProcessInstance instance = start("clerk", intakeForm(newCreditCode(), licenceType, completeMaterials(licenceType)));
    accept(instance);
    return instance;
  }

  /** The clerk accepts the case (with the applicant's pledge, needed when items are tolerated). */
  public void accept(ProcessInstance instance) {
    complete(instance, LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION, "clerk", form()
        .putValue(ACCEPTANCE_DECISION.name(), LicenceApplicationProcess.Values.ACCEPT)
        .putValue(TOLERANCE_PLEDGED.name(), true));
  }

  /** The clerk finds a key material missing or defective and sends the case to correction (一次性告知补正). */
  public void requestCorrection(ProcessInstance instance) {
    complete(instance, LicenceApplicationProcess.Elements.TASK_ACCEPT_APPLICATION, "clerk", form()
        .putValue(ACCEPTANCE_DECISION.name(), LicenceApplicationProcess.Values.CORRECTION));
  }

  /**
   * The rows of a form's dynamic list ({@code materialReview}, {@code supplyReview}) as the case shows
   * them now, with the rows of some materials changed as the clerk would change them in the form.
   */
  public SpinJsonNode edited(ProcessInstance instance, ProcessVariable<SpinJsonNode> list,
      Map<String, Map<String, String>> changes) {
    SpinJsonNode rows = list.from(engine.getRuntimeService().getVariables(instance.getId()));
    Set<String> unknown = new HashSet<>(changes.keySet());
    for (SpinJsonNode row : rows.elements()) {
      Map<String, String> change = changes.get(row.prop("materialCode").stringValue());
      if (change != null) {
        unknown.remove(row.prop("materialCode").stringValue());
        change.forEach((key, value) -> {
          if (value == null) {
            row.prop(key, (String) null);
          } else {
            row.prop(key, value);
          }
        });
      }
    }
    if (!unknown.isEmpty()) {
      throw new AssertionError("the list " + list.name() + " has no rows for " + unknown + ": " + rows);
    }
    return rows;
  }

  /** One row's changes: key, value, key, value… */
  public static Map<String, String> row(String... keysAndValues) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  /** The clerk records and re-checks supplies in 登记与核验补交材料. */
  public void supply(ProcessInstance instance, String user, Map<String, Map<String, String>> changes) {
    complete(instance, LicenceApplicationProcess.Elements.TASK_RECORD_SUPPLIED_MATERIALS, user, form()
        .putValue(SUPPLY_REVIEW.name(), edited(instance, SUPPLY_REVIEW, changes)));
  }

  /** The open tasks of this kind in the case and the processes it calls (by the case number). */
  public List<Task> caseTasks(ProcessInstance instance, String taskKey) {
    String caseNumber = CASE_NUMBER.from(engine.getRuntimeService().getVariables(instance.getId()));
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(taskKey).orderByTaskId().asc().list();
  }

  /**
   * The drawn experts each accept the invitation and send their pre-review with this conclusion,
   * each as themselves, as they would in Tasklist.
   */
  public void expertReview(ProcessInstance instance, String conclusion) {
    for (Task invitation : caseTasks(instance, ExpertReviewProcess.Elements.TASK_CONFIRM_PARTICIPATION)) {
      completeAssigned(invitation, form().putValue(ExpertReviewProcess.Variables.PARTICIPATION_DECISION.name(),
          ExpertReviewProcess.Values.PARTICIPATE));
    }
    for (Task review : caseTasks(instance, ExpertReviewProcess.Elements.TASK_EXPERT_PRE_REVIEW)) {
      completeAssigned(review, form()
          .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_CONCLUSION.name(), conclusion)
          .putValue(ExpertReviewProcess.Variables.PRE_REVIEW_COMMENTS.name(), "技术材料已逐项预审"));
    }
  }

  /** Submits the form of a task assigned to its expert (or anyone), as that user. */
  public void completeAssigned(Task task, Map<String, Object> form) {
    as(task.getAssignee(), () -> {
      engine.getFormService().submitTaskForm(task.getId(), form);
      return null;
    });
  }

  /** A tiny JPEG (magic bytes and an end marker): a photo as far as the type check is concerned. */
  public static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
      (byte) 0xFF, (byte) 0xD9};


  /**
   * The officer schedules the inspection at 09:00 of the next working day, with {@code officer} and
   * {@code officer2}; returns the inspection id.
   */
  public long scheduleInspection(ProcessInstance instance) {
    io.github.xuke.calendar.WorkingDays days = io.github.xuke.TestSupportConfiguration.bean(
        io.github.xuke.calendar.WorkingDays.class);
    java.time.LocalDate today = java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
        .toInstant(), days.zone());
    java.time.LocalDate next = days.calendar().addWorkingDays(today, 1);
    complete(instance, LicenceApplicationProcess.Elements.TASK_SCHEDULE_INSPECTION, "officer", form()
        .putValue(INSPECTION_START.name(), next + "T09:00")
        .putValue(INSPECTION_HOURS.name(), 3)
        .putValue(INSPECTORS.name(), Spin.JSON(List.of("officer", "officer2"))));
    return INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
  }

  /**
   * The inspection as the inspectors record it: scheduled if not yet, a photo uploaded, everyone's
   * confirmations ticked, every checklist item conforming, the conclusion and the items collected on site.
   */
  public void inspect(ProcessInstance instance, String result, String findings, List<String> collectedOnSite) {
    if (task(instance, LicenceApplicationProcess.Elements.TASK_SCHEDULE_INSPECTION) != null) {
      scheduleInspection(instance);
    }
    long inspectionId = INSPECTION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
    io.github.xuke.inspection.InspectionService inspections = io.github.xuke.TestSupportConfiguration.bean(
        io.github.xuke.inspection.InspectionService.class);
    java.time.Instant start = inspections.get(inspectionId).startsAt().toInstant();
    atInspection(start);
    inspections.addEvidence(inspectionId, "现场照片.jpg", new java.io.ByteArrayInputStream(PHOTO),
        start.plus(java.time.Duration.ofMinutes(10)).toString(), "执法记录仪 01", "officer");
    VariableMap form = form()
        .putValue(INSPECTION_PARTICIPANTS.name(), confirmedParticipants(instance))
        .putValue(INSPECTION_CHECKS.name(), allConforming(instance))
        .putValue(INSPECTION_RESULT.name(), result)
        .putValue(INSPECTION_FINDINGS.name(), findings);
    if (!collectedOnSite.isEmpty()) {
      form.putValue(COLLECTED_ON_SITE.name(), Spin.JSON(collectedOnSite));
    }
    complete(instance, LicenceApplicationProcess.Elements.TASK_ON_SITE_INSPECTION, "officer", form);
  }

  /**
   * Moves the engine's clock to an hour after the inspection's start, unless it is later already: an
   * inspection is recorded, and its photos taken, only once it has begun. The test resets the clock.
   */
  public static void atInspection(java.time.Instant start) {
    java.time.Instant during = start.plus(java.time.Duration.ofHours(1));
    if (org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().isBefore(during)) {
      org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(during));
    }
  }

  /** The participants' rows with every confirmation ticked and no meal. */
  public SpinJsonNode confirmedParticipants(ProcessInstance instance) {
    SpinJsonNode rows = INSPECTION_PARTICIPANTS.from(engine.getRuntimeService().getVariables(instance.getId()));
    for (SpinJsonNode row : rows.elements()) {
      row.prop("pledgeRead", true).prop("cardHanded", true).prop("noFee", true).prop("noRide", true).prop("meal", "NONE");
    }
    return rows;
  }

  /** The checklist rows, every item conforming. */
  public SpinJsonNode allConforming(ProcessInstance instance) {
    SpinJsonNode rows = INSPECTION_CHECKS.from(engine.getRuntimeService().getVariables(instance.getId()));
    for (SpinJsonNode row : rows.elements()) {
      row.prop("result", "CONFORM");
    }
    return rows;
  }

  /** The application id of a case. */
  public long applicationId(ProcessInstance instance) {
    return APPLICATION_ID.from(engine.getRuntimeService().getVariables(instance.getId()));
  }

  /** Fires a timer of a process instance now, as the job executor would (it is off in tests). */
  public void fire(String processInstanceId, String timerId) {
    org.camunda.bpm.engine.runtime.Job job = engine.getManagementService().createJobQuery()
        .processInstanceId(processInstanceId).activityId(timerId).singleResult();
    if (job == null) {
      throw new AssertionError("no timer " + timerId + " in " + processInstanceId);
    }
    engine.getManagementService().executeJob(job.getId());
  }

  /** The open task of the instance with this element id. */
  public Task task(ProcessInstance instance, String taskKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** Claims the task as the user and submits the form's variables, as Tasklist does. */
  public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> form) {
    Task task = task(instance, taskKey);
    if (task == null) {
      throw new AssertionError("no open task " + taskKey + " in case " + instance.getId());
    }
    as(user, () -> {
      engine.getTaskService().claim(task.getId(), user);
      engine.getFormService().submitTaskForm(task.getId(), form);
      return null;
    });
  }

  /** Runs the work as the logged-in user, with the user's groups, as the webapps do. */
  public <T> T as(String user, Supplier<T> work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list()
        .stream().map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public static VariableMap form() {
    return Variables.createVariables();
  }
}
