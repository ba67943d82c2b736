package io.github.xuke.inspection;

import java.time.OffsetDateTime;
import java.util.List;

/** An on-site inspection of a case: the appointment, who took part, the checklist, the evidence, the record. */
public record Inspection(
    long id,
    long applicationId,
    String caseNumber,
    String enterpriseName,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    boolean afterHours,
    String afterHoursReason,
    State state,
    String scheduledBy,
    String result,
    String findings,
    String recordedBy,
    OffsetDateTime recordedAt,
    String rectificationResult,
    String rectificationNote,
    List<Participant> participants,
    List<Check> checks,
    List<Evidence> evidence) {

  public enum State {
    /** 已安排. */
    SCHEDULED,
    /** 已核查: the record is in. */
    RECORDED
  }

  public enum Role {
    /** 执法人员. */
    INSPECTOR("执法人员"),
    /** 评审专家. */
    EXPERT("评审专家");

    private final String displayName;

    Role(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  /** A checklist item's result (the options of the 检查表 rows). */
  public enum CheckResult {
    CONFORM, NONCONFORM, NOT_APPLICABLE
  }

  /** A participant's meal on the day (the options of the 就餐 select). */
  public enum Meal {
    /** 未就餐. */
    NONE,
    /** 按标准付费就餐: needs the amount and the receipt. */
    PAID_STANDARD
  }

  /** What each participant confirmed on site. */
  public record Participant(String userId, String name, Role role, Boolean pledgeRead, Boolean cardHanded,
      Boolean noFee, String meal, String mealNote, Boolean noRide, OffsetDateTime confirmedAt) {}

  public record Check(String itemCode, String item, String result, String note) {}

  public record Evidence(long id, long documentId, String originalName, String contentType, String sha256,
      OffsetDateTime capturedAt, String device, String uploadedBy) {}
}
