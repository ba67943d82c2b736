package io.github.xuke.inspection;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.INSPECTION_CHECKS;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.INSPECTION_PARTICIPANTS;

import io.github.xuke.core.JsonRows;
import io.github.xuke.inspection.internal.InspectionPeople;
import io.github.xuke.licence.LicenceRequirements;
import io.github.xuke.system.CurrentUser;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the inspection's forms show and send: the people to choose from in 安排现场核查, and the two
 * lists of 现场核查与技术评审 (everyone's confirmations, the licence type's checklist) as rows of
 * JSON, and back.
 */
@Component
public class InspectionForms {

  /** One option of a select: what it shows and what it sends. */
  public record Option(String label, String value) {}

  /** One row of the 现场确认 list. */
  public record ParticipantRow(String userId, String name, String role, Boolean pledgeRead, Boolean cardHanded,
      Boolean noFee, String meal, String mealNote, Boolean noRide) {}

  /** One row of the 检查表. */
  public record CheckRow(String itemCode, String item, String result, String note) {}

  /** The choices of 安排现场核查: the staff inspectors, the case's experts, the phone for complaints. */
  public record Choices(SpinJsonNode inspectors, SpinJsonNode experts, String complaintPhone) {}

  private final InspectionPeople people;
  private final LicenceRequirements requirements;
  private final CurrentUser currentUser;
  private final String complaintPhone;

  public InspectionForms(InspectionPeople people, LicenceRequirements requirements, CurrentUser currentUser,
      @Value("${xuke.complaint-phone:12350}") String complaintPhone) {
    this.people = people;
    this.requirements = requirements;
    this.currentUser = currentUser;
    this.complaintPhone = complaintPhone;
  }

  /** Whoever opens the task may choose among all inspectors and the whole panel, whatever they may read. */
  public Choices choices(long applicationId) {
    return new Choices(options(currentUser.withoutAuthorization(people::inspectors)),
        options(currentUser.withoutAuthorization(() -> people.panel(applicationId))), complaintPhone);
  }

  /** The 现场确认 rows of the scheduled participants, nothing confirmed yet. */
  SpinJsonNode participantRows(Inspection inspection) {
    return JsonRows.toJson(inspection.participants().stream().map(p -> new ParticipantRow(
        p.userId(), p.name(), p.role().displayName(), false, false, false, null, null, false)).toList());
  }

  /** The 检查表 rows of a licence type (decision {@code inspectionChecklist}), nothing answered yet. */
  SpinJsonNode checkRows(String licenceType) {
    return JsonRows.toJson(currentUser.withoutAuthorization(() -> requirements.inspectionChecklist(licenceType))
        .stream().map(item -> new CheckRow(item.code(), item.item(), null, null)).toList());
  }

  /** The confirmations as the inspector sent them; the role and time are the schedule's, not the form's. */
  List<Inspection.Participant> participants(SpinJsonNode rows) {
    return JsonRows.fromJson(rows, ParticipantRow[].class, INSPECTION_PARTICIPANTS.name()).stream()
        .map(row -> new Inspection.Participant(row.userId(), row.name(), null, row.pledgeRead(), row.cardHanded(),
            row.noFee(), row.meal(), row.mealNote(), row.noRide(), null))
        .toList();
  }

  List<Inspection.Check> checks(SpinJsonNode rows) {
    return JsonRows.fromJson(rows, CheckRow[].class, INSPECTION_CHECKS.name()).stream()
        .map(row -> new Inspection.Check(row.itemCode(), row.item(), row.result(), row.note())).toList();
  }

  private SpinJsonNode options(Collection<String> userIds) {
    return JsonRows.toJson(userIds.stream().map(userId -> new Option(people.name(userId), userId)).toList());
  }
}
