package io.github.xuke.application.process;

import io.github.xuke.core.JsonRows;
import io.github.xuke.core.ProcessVariable;
import static io.github.xuke.application.process.LicenceApplicationProcess.Elements.*;
import static io.github.xuke.application.process.LicenceApplicationProcess.Variables.*;

import io.github.xuke.core.InvalidApplicationException;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.application.MaterialReview;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.SupplyChannel;
import io.github.xuke.application.SupplyCheck;
import io.github.xuke.document.DocumentService;
import io.github.xuke.document.StoredDocument;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The material lists the clerk works through in Tasklist, as JSON variables that the forms' dynamic
 * lists show and send back: one row per material for the check at acceptance ({@code materialReview}),
 * one row per outstanding tolerated item for supplies and their re-check ({@code supplyReview}); and
 * the options of the inspector's checklist of items collected on site.
 */
@Component
public class MaterialForms {

  /** One row of the 材料审查 list. */
  public record ReviewRow(String materialCode, String materialName, String kind, String documents,
      String result, String reason) {}

  /** One row of the 登记与核验补交材料 list. */
  public record SupplyRow(String materialCode, String materialName, String state, String documents,
      String channel, String reference, String result, String reason) {}

  private final MaterialItemRepository materials;
  private final DocumentService documents;

  public MaterialForms(MaterialItemRepository materials, DocumentService documents) {
    this.materials = materials;
    this.documents = documents;
  }

  /** The user tasks whose forms show the case's lists, and the list each shows. */
  static final Map<String, ProcessVariable<SpinJsonNode>> LIST_OF_TASK = Map.of(
      TASK_ACCEPT_APPLICATION, MATERIAL_REVIEW,
      TASK_ON_SITE_INSPECTION, OUTSTANDING_MATERIAL_OPTIONS,
      TASK_RECORD_SUPPLIED_MATERIALS, SUPPLY_REVIEW);

  /** The list the form of {@code taskKey} shows, or none when its form shows no list. */
  public VariableMap listOf(String taskKey, long applicationId) {
    ProcessVariable<SpinJsonNode> list = LIST_OF_TASK.get(taskKey);
    VariableMap lists = Variables.createVariables();
    if (list != null) {
      list.put(lists, (SpinJsonNode) variables(applicationId).get(list.name()));
    }
    return lists;
  }

  /** Whether tolerated items are still outstanding (the gateways after acceptance and supplies ask). */
  public boolean toleratedOutstanding(long applicationId) {
    return materials.findByApplication(applicationId).stream()
        .anyMatch(item -> !item.keyMaterial() && item.status().outstanding());
  }

  /** Every list of the case, as process variables. */
  public VariableMap variables(long applicationId) {
    VariableMap scope = Variables.createVariables();
    List<MaterialItem> items = materials.findByApplication(applicationId);
    Map<String, List<StoredDocument>> byMaterial = documents.ofCase(applicationId).stream()
        .filter(document -> !document.inspectionEvidence())
        .collect(Collectors.groupingBy(StoredDocument::materialCode));
    MATERIAL_REVIEW.put(scope, JsonRows.toJson(items.stream().map(item -> new ReviewRow(item.materialCode(),
        item.materialName(), item.keyMaterial() ? "关键材料" : "非关键材料",
        documentsText(byMaterial.get(item.materialCode())), reviewResult(item.status()).name(),
        item.statusReason())).toList()));
    List<MaterialItem> suppliable = items.stream()
        .filter(item -> !item.keyMaterial() && item.status().outstanding()).toList();
    SUPPLY_REVIEW.put(scope, JsonRows.toJson(suppliable.stream().map(item -> new SupplyRow(item.materialCode(),
        item.materialName(), supplyState(item), documentsText(byMaterial.get(item.materialCode())),
        item.status() == MaterialStatus.AWAITING_CHECK ? item.supplyChannel().name() : null,
        item.status() == MaterialStatus.AWAITING_CHECK ? item.supplyReference() : null,
        SupplyCheck.Result.NONE.name(), null)).toList()));
    SpinJsonNode options = Spin.JSON("[]");
    suppliable.stream().filter(item -> item.status() != MaterialStatus.AWAITING_CHECK)
        .forEach(item -> options.append(Spin.JSON("{}")
            .prop("label", item.materialName())
            .prop("value", item.materialCode())));
    OUTSTANDING_MATERIAL_OPTIONS.put(scope, options);
    TOLERATED_OUTSTANDING.put(scope, !suppliable.isEmpty());
    return scope;
  }

  /** The clerk's check rows as sent by the form. */
  public List<MaterialReview> reviews(VariableScope scope) {
    return JsonRows.fromJson(MATERIAL_REVIEW.get(scope), ReviewRow[].class, MATERIAL_REVIEW.name()).stream()
        .map(row -> new MaterialReview(row.materialCode(),
            parse(MaterialReview.Result.class, row.result(), MATERIAL_REVIEW.name()), row.reason()))
        .toList();
  }

  /** The supply rows as sent by the form. */
  public List<SupplyCheck> supplyChecks(VariableScope scope) {
    return JsonRows.fromJson(SUPPLY_REVIEW.get(scope), SupplyRow[].class, SUPPLY_REVIEW.name()).stream()
        .map(row -> new SupplyCheck(row.materialCode(),
            parse(SupplyCheck.Result.class, row.result(), SUPPLY_REVIEW.name()),
            parse(SupplyChannel.class, row.channel(), SUPPLY_REVIEW.name()), row.reference(), row.reason()))
        .toList();
  }

  private static MaterialReview.Result reviewResult(MaterialStatus status) {
    return switch (status) {
      case SUBMITTED, SUPPLIED, AWAITING_CHECK -> MaterialReview.Result.IN_ORDER;
      case MISSING, TOLERATED -> MaterialReview.Result.MISSING;
      case DEFECTIVE -> MaterialReview.Result.DEFECTIVE;
      case WAIVED -> MaterialReview.Result.WAIVED;
    };
  }

  private static String supplyState(MaterialItem item) {
    if (item.status() == MaterialStatus.AWAITING_CHECK) {
      return item.status().displayName() + "（" + channelName(item.supplyChannel())
          + (item.supplyReference() == null ? "" : "，" + item.supplyReference()) + "）";
    }
    return item.stateText();
  }

  static String channelName(SupplyChannel channel) {
    return switch (channel) {
      case ONLINE -> "网上提交";
      case WINDOW -> "窗口递交";
      case COURIER -> "邮寄";
      case ON_SITE -> "现场核查时提交";
      case AT_PICKUP -> "领证时提交";
    };
  }

  private static String documentsText(List<StoredDocument> list) {
    if (list == null || list.isEmpty()) {
      return "无电子件";
    }
    return list.stream().map(document -> document.originalName() + "（文件" + document.id() + "）")
        .collect(Collectors.joining("；"));
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String variable) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new InvalidApplicationException(variable, "无法识别的选项：" + value);
    }
  }
}
