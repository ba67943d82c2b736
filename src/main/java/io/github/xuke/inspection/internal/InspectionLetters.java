package io.github.xuke.inspection.internal;

import io.github.xuke.application.Cases;
import io.github.xuke.application.LicenceApplication;
import io.github.xuke.notice.CaseNotice;
import io.github.xuke.notice.Notices;
import io.github.xuke.notification.Notifications;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
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
    Map<String, Object> values = applications.noticeValues(applicationId);
    values.put("findings", findings);
    notices.issue(applicationId, CaseNotice.NoticeKind.RECTIFICATION, at, by, values);
  }
}
