package io.github.xuke.expert;

import io.github.xuke.core.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone supervising a draw can have it run again from its record: the same seed, pool and rules
 * must give the same panel (and agency), or the record was tampered with.
 */
@Service
@Transactional(readOnly = true)
public class DrawVerifications {

  private final ExpertDraws draws;

  DrawVerifications(ExpertDraws draws) {
    this.draws = draws;
  }

  /** Runs a recorded draw again from its record: the same seed and pool must give the same panel. */
  public record Verification(long drawId, boolean reproduced, List<String> recorded, List<String> recomputed) {}

  public Verification verify(long drawId) {
    ExpertDraws.DrawView draw = draws.draw(drawId).orElseThrow(() ->
        new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "id", "未找到抽取记录 " + drawId));
    ExpertDraws.DrawRecord record = draw.record();
    PanelDraw.Result again = PanelDraw.draw(record.pool(), new PanelDraw.Request(draw.seed(), record.seats(),
        record.requiredSpecialties(), record.enterpriseCreditCode(), record.evaluatorCreditCode(), record.excluded()));
    List<String> recorded = new ArrayList<>(record.result().picks().stream().map(PanelDraw.Pick::userId).toList());
    List<String> recomputed = new ArrayList<>(again.picks().stream().map(PanelDraw.Pick::userId).toList());
    boolean same = again.equals(record.result());
    if (record.agencyResult() != null) {
      PanelDraw.AgencyResult agencyAgain = PanelDraw.drawAgency(record.agencyPool(), new PanelDraw.Request(draw.seed(),
          record.seats(), record.requiredSpecialties(), record.enterpriseCreditCode(), record.evaluatorCreditCode(),
          record.excluded()));
      recorded.add("机构：" + record.agencyResult().name());
      recomputed.add("机构：" + agencyAgain.name());
      same = same && agencyAgain.equals(record.agencyResult());
    }
    return new Verification(drawId, recorded.equals(recomputed) && same, recorded, recomputed);
  }
}
