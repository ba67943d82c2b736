package io.github.xuke.application.process;

import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.OUTSTANDING_MATERIAL_OPTIONS;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.TOLERATED_OUTSTANDING;

import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.MaterialStatus;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The tolerated items still to be supplied, as the gateway flag and as the options of the
 * 登记补交材料 form's checklist ({@code [{"label": 名称, "value": code}]}).
 */
final class MaterialOptions {

  private MaterialOptions() {}

  static void write(VariableScope scope, List<MaterialItem> items) {
    SpinJsonNode options = Spin.JSON("[]");
    items.stream()
        .filter(item -> item.status() == MaterialStatus.TOLERATED)
        .forEach(item -> options.append(Spin.JSON("{}")
            .prop("label", item.materialName())
            .prop("value", item.materialCode())));
    TOLERATED_OUTSTANDING.set(scope, !options.elements().isEmpty());
    OUTSTANDING_MATERIAL_OPTIONS.set(scope, options);
  }
}
