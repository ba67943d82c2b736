package io.github.xuke.expert;

import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialItemRepository;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/** The rows of the expert's pre-review form: one per material of the case, findings empty. */
@Component("expertForms")
public class ExpertForms {

  /** One row of the 逐项预审 list. */
  public record FindingRow(String materialCode, String materialName, String finding) {}

  private final MaterialItemRepository materials;

  public ExpertForms(MaterialItemRepository materials) {
    this.materials = materials;
  }

  public SpinJsonNode findings(Long applicationId) {
    SpinJsonNode rows = Spin.JSON("[]");
    for (MaterialItem item : materials.findByApplication(applicationId)) {
      rows.append(Spin.JSON("{}").prop("materialCode", item.materialCode()).prop("materialName", item.materialName())
          .prop("finding", ""));
    }
    return rows;
  }
}
