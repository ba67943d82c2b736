package io.github.xuke.casefile;

import io.github.xuke.application.process.LicenceApplicationProcess;
import io.github.xuke.document.StoredDocument;
import io.github.xuke.expert.Assignment;
import io.github.xuke.expert.ExpertDraws;
import io.github.xuke.expert.ExpertService;
import io.github.xuke.expert.TechnicalAgency;
import io.github.xuke.expert.process.ExpertReviewProcess;
import io.github.xuke.inspection.Inspection;
import io.github.xuke.inspection.InspectionService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The technical side of a case file: the expert panel with its draws, and the on-site inspection. */
@Component
class ReviewFiles {

  private static final Map<Assignment.State, String> ASSIGNMENT_STATES = Map.of(
      Assignment.State.INVITED, "已邀请，待确认",
      Assignment.State.PARTICIPATING, "参加评审",
      Assignment.State.DECLINED, "已回避或谢绝",
      Assignment.State.TIMED_OUT, "超时未答复",
      Assignment.State.REVIEWED, "已提交预审意见");
  private static final Map<String, String> INSPECTION_RESULTS = Map.of(
      LicenceApplicationProcess.Values.INSPECTION_PASS, "符合条件",
      LicenceApplicationProcess.Values.INSPECTION_RECTIFY, "需整改",
      LicenceApplicationProcess.Values.INSPECTION_FAIL, "不符合条件");

  private final ExpertDraws draws;
  private final ExpertService experts;
  private final InspectionService inspections;

  ReviewFiles(ExpertDraws draws, ExpertService experts, InspectionService inspections) {
    this.draws = draws;
    this.experts = experts;
    this.inspections = inspections;
  }

  CaseFile.ExpertFile experts(long applicationId, StaffNames names) {
    List<CaseFile.PanelMember> panel = draws.panel(applicationId).stream().map(assignment -> new CaseFile.PanelMember(
        experts.get(assignment.expertId()).name(),
        assignment.forSpecialty() == null ? null : assignment.forSpecialty().displayName(),
        ASSIGNMENT_STATES.get(assignment.state()), assignment.invitedAt(), conclusion(assignment.conclusion()),
        assignment.reviewedAt())).toList();
    List<CaseFile.DrawFile> drawn = draws.drawsOf(applicationId).stream().map(draw -> new CaseFile.DrawFile(
        ExpertDraws.REPLACEMENT.equals(draw.purpose()) ? "补抽专家" : "抽取评审专家组", draw.drawnAt(),
        names.of(draw.drawnBy()), draw.record() == null || draw.record().pool() == null ? 0 : draw.record().pool().size(),
        "/api/expert-draws/" + draw.id() + "/verification")).toList();
    String agency = draws.agencyOf(applicationId).map(TechnicalAgency::name).orElse(null);
    return panel.isEmpty() && drawn.isEmpty() && agency == null ? null : new CaseFile.ExpertFile(panel, agency, drawn);
  }

  List<CaseFile.InspectionFile> inspections(long applicationId, List<StoredDocument> stored, StaffNames names) {
    Map<Long, StoredDocument> documents = stored.stream().collect(Collectors.toMap(StoredDocument::id, Function.identity()));
    return inspections.latestOf(applicationId).map(inspection -> List.of(new CaseFile.InspectionFile(
        inspection.id(), inspection.startsAt(), inspection.endsAt(), inspection.afterHours(),
        inspection.state() == Inspection.State.RECORDED ? "已核查" : "已安排",
        inspection.participants().stream().map(p -> p.name() + "（" + p.role().displayName() + "）").toList(),
        inspection.result() == null ? null : INSPECTION_RESULTS.getOrDefault(inspection.result(), inspection.result()),
        inspection.findings(), names.of(inspection.recordedBy()), inspection.recordedAt(),
        inspection.evidence().stream().filter(evidence -> documents.containsKey(evidence.documentId()))
            .map(evidence -> new CaseFile.EvidenceFile(PaperTrail.link(documents.get(evidence.documentId()), names),
                evidence.capturedAt(), evidence.device())).toList())))
        .orElse(List.of());
  }

  private static String conclusion(String code) {
    return code == null ? null : Arrays.stream(ExpertReviewProcess.Conclusion.values())
        .filter(conclusion -> conclusion.name().equals(code)).map(ExpertReviewProcess.Conclusion::displayName)
        .findFirst().orElse(code);
  }
}
