package io.github.xuke.inspection.internal;

import io.github.xuke.application.Cases;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import io.github.xuke.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * What an inspection tells people: each participant's notification of the appointment with the
 * discipline of the day, and the enterprise's 现场核查整改通知书.
 */
@Component
public class InspectionLetters {

  private final Cases applications;
  private final Notifications notifications;
  private final Notices notices;

  public InspectionLetters(Cases applications, Notifications notifications, Notices notices) {
    this.applications = applications;
    this.notifications = notifications;
    this.notices = notices;
  }

  /** To everyone taking part in inspection {@code inspectionId}: when, where, and how to behave. */
  public void appointmentMade(long applicationId, long inspectionId, Collection<String> everyone,
      AppointmentRules.Appointment appointment) {
    LicenceApplication application = applications.get(applicationId);
    for (String person : everyone) {
      notifications.toUser("inspection:" + inspectionId + ":" + person, person, "现场核查安排：" + application.caseNumber(),
          "现场核查：" + application.enterpriseName() + "（案件 " + application.caseNumber() + "），时间 "
              + appointment.span() + (appointment.officeHours() ? "" : "（企业申请的延时/预约服务）")
              + "。请按时到场，宣读承诺书，发放现场核查监督卡，全程记录，不收取任何费用，不接受宴请，不乘坐企业车辆。");
    }
  }

  /** The notice asking the enterprise to rectify what the inspection found. */
  public void rectificationRequired(long applicationId, String findings, OffsetDateTime at, String by) {
    LicenceApplication application = applications.get(applicationId);
    notices.issue(applicationId, CaseNotice.NoticeKind.RECTIFICATION, at, by, "现场核查整改通知书\n案件编号："
        + application.caseNumber() + "\n现场核查发现以下问题，请整改：\n" + findings
        + "\n请在企业服务平台本案“整改材料”中上传整改后的照片、说明等材料，或通知承办人现场复查。"
        + "\n整改期间不计入办理时限。");
  }
}
