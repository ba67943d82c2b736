package io.github.xuke.expert;

import io.github.xuke.system.AllowedGroups;
import io.github.xuke.system.CurrentUser;
import io.github.xuke.system.StaffGroup;
import io.github.xuke.core.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The draws of a case and its panel, for case officers and supervisors; any draw can be re-run. */
@RestController
public class DrawController {

  private final ExpertDraws draws;
  private final DrawVerifications verifications;
  private final CurrentUser currentUser;

  public DrawController(ExpertDraws draws, DrawVerifications verifications, CurrentUser currentUser) {
    this.draws = draws;
    this.verifications = verifications;
    this.currentUser = currentUser;
  }

  /** 我的预审意见: an expert's archive of their own submitted opinions (paged, 50 a page at most). */
  @GetMapping("/api/expert-opinions/mine")
  @AllowedGroups(value = StaffGroup.EXPERT, refusal = "仅专家本人可以查看自己的预审意见")
  public List<DrawRepository.Opinion> myOpinions(@RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || page > 100_000 || size < 1 || size > 50) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "size", "页码应不小于 0，每页 1 至 50 条");
    }
    return draws.opinionsOf(currentUser.id(), page, size);
  }

  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家抽取记录")
  @GetMapping("/api/applications/{id}/expert-draws")
  public List<ExpertDraws.DrawView> drawsOf(@PathVariable long id) {
    return draws.drawsOf(id);
  }

  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家抽取记录")
  @GetMapping("/api/applications/{id}/expert-panel")
  public List<Assignment> panel(@PathVariable long id) {
    return draws.panel(id);
  }

  /** Runs the recorded draw again from its record and says whether the same panel comes out. */
  @AllowedGroups(value = {StaffGroup.CASE_OFFICER, StaffGroup.CHIEF_REPRESENTATIVE, StaffGroup.DEPUTY_DIRECTOR,
      StaffGroup.PARTY_COMMITTEE}, refusal = "无权查看专家抽取记录")
  @GetMapping("/api/expert-draws/{id}/verification")
  public DrawVerifications.Verification verify(@PathVariable long id) {
    return verifications.verify(id);
  }

}
