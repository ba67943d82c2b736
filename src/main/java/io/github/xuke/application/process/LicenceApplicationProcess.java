package io.github.xuke.application.process;

import io.github.xuke.core.ProcessVariable;
import java.util.Date;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The names of process {@code LicenceApplication} ({@code processes/licence-application.bpmn}): its
 * variables, its element ids and the values its gateways compare. Nothing else writes them.
 */
public final class LicenceApplicationProcess {

  public static final String PROCESS_ID = "LicenceApplication";
  /** Ends the case as withdrawn (退办), e.g. when tolerated items stay missing past their deadline. */
  public static final String MESSAGE_CASE_WITHDRAWN = "CaseWithdrawn";

  private LicenceApplicationProcess() {}

  /** Process variables, typed. */
  public static final class Variables {

    // 收件 (start form and POST /api/applications)
    public static final ProcessVariable<String> ENTERPRISE_NAME = ProcessVariable.string("enterpriseName");
    public static final ProcessVariable<String> CREDIT_CODE = ProcessVariable.string("creditCode");
    public static final ProcessVariable<String> CONTACT_NAME = ProcessVariable.string("contactName");
    public static final ProcessVariable<String> CONTACT_PHONE = ProcessVariable.string("contactPhone");
    public static final ProcessVariable<String> LICENCE_TYPE = ProcessVariable.string("licenceType");
    public static final ProcessVariable<List<String>> SUBMITTED_MATERIALS =
        ProcessVariable.stringList("submittedMaterials");
    public static final ProcessVariable<String> EVALUATOR_NAME = ProcessVariable.string("evaluatorName");
    public static final ProcessVariable<String> EVALUATOR_CREDIT_CODE = ProcessVariable.string("evaluatorCreditCode");
    public static final ProcessVariable<String> DISTRICT = ProcessVariable.string("district");
    /** The certificate's particulars (注册地址, 主要负责人, 经营方式, 许可范围), as the licence type requires. */
    public static final ProcessVariable<String> REGISTERED_ADDRESS = ProcessVariable.string("registeredAddress");
    public static final ProcessVariable<String> PRINCIPAL_NAME = ProcessVariable.string("principalName");
    public static final ProcessVariable<String> BUSINESS_MODE = ProcessVariable.string("businessMode");
    public static final ProcessVariable<String> LICENCE_SCOPE = ProcessVariable.string("licenceScope");

    // Set by the delegates
    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.longValue("applicationId");
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.string("caseNumber");
    public static final ProcessVariable<String> LICENCE_TYPE_NAME = ProcessVariable.string("licenceTypeName");
    public static final ProcessVariable<Date> RECEIVED_AT = ProcessVariable.date("receivedAt");
    public static final ProcessVariable<Date> ACCEPTED_AT = ProcessVariable.date("acceptedAt");
    public static final ProcessVariable<Date> DECIDED_AT = ProcessVariable.date("decidedAt");
    /** The deputy director signs within one working day of the decision (先批后签). */
    public static final ProcessVariable<Date> SIGNATURE_DUE_AT = ProcessVariable.date("signatureDueAt");
    /**
     * The warning moment of the case's inspection clock (the experts' reminder), passed to the
     * expert review; written by the clocks when that clock starts or moves.
     */
    public static final ProcessVariable<Date> INSPECTION_WARN_AT = ProcessVariable.date("inspectionWarnAt");
    public static final ProcessVariable<Date> SUPPLY_DUE_AT = ProcessVariable.date("supplyDueAt");
    public static final ProcessVariable<Integer> COMMITTED_LIMIT_DAYS = ProcessVariable.integer("committedLimitDays");
    public static final ProcessVariable<String> MATERIAL_OUTCOME = ProcessVariable.string("materialOutcome");
    public static final ProcessVariable<String> MATERIALS_SUMMARY = ProcessVariable.string("materialsSummary");
    public static final ProcessVariable<Boolean> TOLERATED_OUTSTANDING = ProcessVariable.bool("toleratedOutstanding");
    public static final ProcessVariable<SpinJsonNode> OUTSTANDING_MATERIAL_OPTIONS =
        ProcessVariable.json("outstandingMaterialOptions");
    public static final ProcessVariable<String> LICENCE_NUMBER = ProcessVariable.string("licenceNumber");

    // Task outcomes (form fields)
    public static final ProcessVariable<String> CORRECTION_REMARK = ProcessVariable.string("correctionRemark");
    public static final ProcessVariable<String> CORRECTION_OUTCOME = ProcessVariable.string("correctionOutcome");
    public static final ProcessVariable<String> NON_ACCEPTANCE_REASON = ProcessVariable.string("nonAcceptanceReason");
    public static final ProcessVariable<SpinJsonNode> MATERIAL_REVIEW = ProcessVariable.json("materialReview");
    public static final ProcessVariable<String> ACCEPTANCE_DECISION = ProcessVariable.string("acceptanceDecision");
    public static final ProcessVariable<Boolean> TOLERANCE_PLEDGED = ProcessVariable.bool("tolerancePledged");
    public static final ProcessVariable<String> EXPERT_OPINION = ProcessVariable.string("expertOpinion");
    public static final ProcessVariable<String> EXPERT_COMMENTS = ProcessVariable.string("expertComments");
    // 安排现场核查
    public static final ProcessVariable<String> INSPECTION_START = ProcessVariable.string("inspectionStart");
    public static final ProcessVariable<Integer> INSPECTION_HOURS = ProcessVariable.integer("inspectionHours");
    public static final ProcessVariable<List<String>> INSPECTORS = ProcessVariable.stringList("inspectors");
    public static final ProcessVariable<List<String>> INSPECTION_EXPERTS = ProcessVariable.stringList("inspectionExperts");
    public static final ProcessVariable<SpinJsonNode> INSPECTOR_OPTIONS = ProcessVariable.json("inspectorOptions");
    public static final ProcessVariable<SpinJsonNode> EXPERT_OPTIONS = ProcessVariable.json("expertOptions");
    public static final ProcessVariable<Boolean> AFTER_HOURS = ProcessVariable.bool("afterHours");
    public static final ProcessVariable<String> AFTER_HOURS_REASON = ProcessVariable.string("afterHoursReason");
    public static final ProcessVariable<Long> INSPECTION_ID = ProcessVariable.longValue("inspectionId");
    public static final ProcessVariable<String> COMPLAINT_PHONE = ProcessVariable.string("complaintPhone");
    // 现场核查与技术评审
    public static final ProcessVariable<SpinJsonNode> INSPECTION_PARTICIPANTS = ProcessVariable.json("inspectionParticipants");
    public static final ProcessVariable<SpinJsonNode> INSPECTION_CHECKS = ProcessVariable.json("inspectionChecks");
    public static final ProcessVariable<String> INSPECTION_DATE = ProcessVariable.string("inspectionDate");
    public static final ProcessVariable<String> INSPECTION_RESULT = ProcessVariable.string("inspectionResult");
    public static final ProcessVariable<String> INSPECTION_FINDINGS = ProcessVariable.string("inspectionFindings");
    public static final ProcessVariable<String> RECTIFICATION_RESULT = ProcessVariable.string("rectificationResult");
    public static final ProcessVariable<String> RECTIFICATION_NOTE = ProcessVariable.string("rectificationNote");
    public static final ProcessVariable<String> REVIEW_RECOMMENDATION = ProcessVariable.string("reviewRecommendation");
    public static final ProcessVariable<String> REVIEW_OPINION = ProcessVariable.string("reviewOpinion");
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.string("approvalDecision");
    public static final ProcessVariable<String> APPROVAL_REASON = ProcessVariable.string("approvalReason");
    public static final ProcessVariable<Boolean> SIGNATURE_CONFIRMED = ProcessVariable.bool("signatureConfirmed");
    public static final ProcessVariable<String> SIGNATURE_REMARK = ProcessVariable.string("signatureRemark");
    public static final ProcessVariable<List<String>> COLLECTED_ON_SITE = ProcessVariable.stringList("collectedOnSite");
    public static final ProcessVariable<SpinJsonNode> SUPPLY_REVIEW = ProcessVariable.json("supplyReview");
    public static final ProcessVariable<String> DELIVERY_METHOD = ProcessVariable.string("deliveryMethod");
    public static final ProcessVariable<String> TRACKING_NUMBER = ProcessVariable.string("trackingNumber");
    public static final ProcessVariable<String> DELIVERY_REMARK = ProcessVariable.string("deliveryRemark");
    public static final ProcessVariable<String> WITHDRAWAL_REASON = ProcessVariable.string("withdrawalReason");

    /** Every variable of the process, for the checks that forms and diagrams use no other name. */
    public static final List<ProcessVariable<?>> ALL = List.of(ENTERPRISE_NAME, CREDIT_CODE,
        CONTACT_NAME, CONTACT_PHONE, LICENCE_TYPE, SUBMITTED_MATERIALS, EVALUATOR_NAME, EVALUATOR_CREDIT_CODE, DISTRICT,
        REGISTERED_ADDRESS, PRINCIPAL_NAME, BUSINESS_MODE, LICENCE_SCOPE, APPLICATION_ID, CASE_NUMBER,
        LICENCE_TYPE_NAME, RECEIVED_AT, ACCEPTED_AT, DECIDED_AT, SIGNATURE_DUE_AT, INSPECTION_WARN_AT, SUPPLY_DUE_AT, COMMITTED_LIMIT_DAYS,
        MATERIAL_OUTCOME, MATERIALS_SUMMARY, TOLERATED_OUTSTANDING, OUTSTANDING_MATERIAL_OPTIONS,
        LICENCE_NUMBER, CORRECTION_REMARK, CORRECTION_OUTCOME, NON_ACCEPTANCE_REASON,
        MATERIAL_REVIEW, ACCEPTANCE_DECISION, TOLERANCE_PLEDGED, EXPERT_OPINION, EXPERT_COMMENTS, INSPECTION_START, INSPECTION_HOURS,
        INSPECTORS, INSPECTION_EXPERTS, INSPECTOR_OPTIONS, EXPERT_OPTIONS, AFTER_HOURS, AFTER_HOURS_REASON,
        INSPECTION_ID, COMPLAINT_PHONE, INSPECTION_PARTICIPANTS, INSPECTION_CHECKS, INSPECTION_DATE, INSPECTION_RESULT,
        INSPECTION_FINDINGS, RECTIFICATION_RESULT, RECTIFICATION_NOTE, REVIEW_RECOMMENDATION, REVIEW_OPINION, APPROVAL_DECISION,
        APPROVAL_REASON, SIGNATURE_CONFIRMED, SIGNATURE_REMARK,
        COLLECTED_ON_SITE, SUPPLY_REVIEW, DELIVERY_METHOD, TRACKING_NUMBER, DELIVERY_REMARK, WITHDRAWAL_REASON);

    private Variables() {}
  }

  /** The values the gateways compare. */
  public static final class Values {
    public static final String RESUBMITTED = "RESUBMITTED";
    public static final String NOT_ACCEPTED = "NOT_ACCEPTED";
    public static final String ACCEPT = "ACCEPT";
    public static final String NOT_ACCEPT = "NOT_ACCEPT";
    /** 一次性告知补正: a key material is missing or defective. */
    public static final String CORRECTION = "CORRECTION";
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";
    /** 核查结论: 符合条件 / 需整改 / 不符合条件. */
    public static final String INSPECTION_PASS = "PASS";
    public static final String INSPECTION_RECTIFY = "RECTIFY";
    public static final String INSPECTION_FAIL = "FAIL";
    /** 复查结论: 整改合格 / 整改不合格. */
    public static final String RECTIFIED = "PASSED";
    public static final String NOT_RECTIFIED = "FAILED";

    private Values() {}
  }

  /** Element ids of the diagram. */
  public static final class Elements {
    public static final String START_APPLICATION_RECEIVED = "StartEvent_ApplicationReceived";
    public static final String TASK_REGISTER_APPLICATION = "Task_RegisterApplication";
    public static final String TASK_CHECK_MATERIALS = "Task_CheckMaterials";
    public static final String TASK_ISSUE_CORRECTION_NOTICE = "Task_IssueCorrectionNotice";
    public static final String TASK_RECORD_CORRECTION_NOTICE = "Task_RecordCorrectionNotice";
    public static final String TASK_RECEIVE_CORRECTION = "Task_ReceiveCorrection";
    public static final String TASK_ACCEPT_APPLICATION = "Task_AcceptApplication";
    public static final String TASK_RECORD_MATERIAL_REVIEW = "Task_RecordMaterialReview";
    public static final String TASK_RECORD_NON_ACCEPTANCE = "Task_RecordNonAcceptance";
    public static final String TASK_RECORD_ACCEPTANCE = "Task_RecordAcceptance";
    public static final String SUBPROCESS_REVIEW_AND_DECISION = "SubProcess_ReviewAndDecision";
    /** Calls process {@code ExpertReview} (the panel's draw and pre-review). */
    public static final String CALL_EXPERT_REVIEW = "CallActivity_ExpertReview";
    public static final String TASK_SCHEDULE_INSPECTION = "Task_ScheduleInspection";
    public static final String TASK_RECORD_INSPECTION_SCHEDULE = "Task_RecordInspectionSchedule";
    public static final String TASK_ON_SITE_INSPECTION = "Task_OnSiteInspection";
    public static final String TASK_RECORD_INSPECTION = "Task_RecordInspection";
    public static final String TASK_RECHECK_RECTIFICATION = "Task_RecheckRectification";
    public static final String TASK_RECORD_RECTIFICATION_RECHECK = "Task_RecordRectificationRecheck";
    public static final String TASK_REVIEW_CASE = "Task_ReviewCase";
    public static final String TASK_APPROVE_LICENCE = "Task_ApproveLicence";
    public static final String TASK_RECORD_DECISION = "Task_RecordDecision";
    public static final String TASK_SIGN_ONLINE = "Task_SignOnline";
    /** The decision and the certificate re-issued with the bureau's digital signature, after the deputy signs. */
    public static final String TASK_SIGN_DOCUMENTS = "Task_SignDocuments";
    public static final String TASK_ISSUE_LICENCE = "Task_IssueLicence";
    public static final String TASK_RECORD_SUPPLIED_MATERIALS = "Task_RecordSuppliedMaterials";
    public static final String TASK_UPDATE_SUPPLIED_MATERIALS = "Task_UpdateSuppliedMaterials";
    public static final String TASK_DELIVER_LICENCE = "Task_DeliverLicence";
    public static final String TASK_COMPLETE_CASE = "Task_CompleteCase";
    public static final String TASK_ARCHIVE_CASE = "Task_ArchiveCase";
    public static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_CASE_ARCHIVED = "EndEvent_CaseArchived";
    public static final String SUBPROCESS_CASE_WITHDRAWN = "SubProcess_CaseWithdrawn";
    public static final String TASK_RECORD_WITHDRAWAL = "Task_RecordWithdrawal";
    public static final String END_CASE_WITHDRAWN = "EndEvent_CaseWithdrawn";

    private Elements() {}
  }
}
