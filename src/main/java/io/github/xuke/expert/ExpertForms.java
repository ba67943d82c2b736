package io.github.xuke.expert;

import io.github.xuke.application.MaterialItemRepository;
import io.github.xuke.application.process.JsonRows;
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
    return JsonRows.toJson(materials.findByApplication(applicationId).stream()
        .map(item -> new FindingRow(item.materialCode(), item.materialName(), "")).toList());
  }
}
