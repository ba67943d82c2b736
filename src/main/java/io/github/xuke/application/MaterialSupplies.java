package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialSupplyRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.core.InvalidApplicationException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The supplies of tolerated items after acceptance (边办边补): how each arrived and the clerk's
 * re-check of it. The last item accepted stops the supply clock ({@link CaseEvents.ToleratedItemsSupplied}).
 */
@Service
@Transactional
public class MaterialSupplies {

  private final MaterialItemRepository materials;
  private final MaterialSupplyRepository supplies;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  public MaterialSupplies(MaterialItemRepository materials, MaterialSupplyRepository supplies,
      ApplicationEventPublisher events, Clock clock) {
    this.materials = materials;
    this.supplies = supplies;
    this.events = events;
    this.clock = clock;
  }

  /** The inspector collected tolerated items on site; they await the clerk's re-check. */
  public void receiveOnSite(long applicationId, Collection<String> codes, String inspector) {
    receiveSupply(applicationId, codes, SupplyChannel.ON_SITE, "现场核查人员 " + inspector, null, inspector);
  }

  /**
   * A tolerated item arrived without the clerk: uploaded online by the enterprise, or collected by the
   * inspector on site. Each is recorded as a supply awaiting the clerk's re-check.
   */
  public void receiveSupply(long applicationId, Collection<String> codes, SupplyChannel channel,
      String reference, Long documentId, String by) {
    Map<String, MaterialItem> items = itemsByCode(applicationId);
    List<MaterialItem> received = new ArrayList<>();
    for (String code : new HashSet<>(codes)) {
      MaterialItem item = items.get(code);
      if (item == null || item.keyMaterial() || !suppliable(item.status())) {
        throw new InvalidApplicationException(CaseFields.REVIEWS,
            "材料“" + (item == null ? code : item.materialName()) + "”不是本案待补交的容缺材料");
      }
      received.add(item);
    }
    OffsetDateTime now = now();
    for (MaterialItem item : received) {
      if (item.status() == MaterialStatus.AWAITING_CHECK) {
        supplies.unchecked(item.id()).ifPresent(previous -> supplies.recordCheck(previous.id(),
            MaterialSupply.CheckResult.DEFECTIVE, "已被新的补交替代", now, by));
      }
      supplies.insert(item.id(), channel, reference, documentId, now, by);
      materials.markSupplied(item.id(), MaterialStatus.AWAITING_CHECK, now, by);
    }
    if (!received.isEmpty()) {
      events.publishEvent(new CaseEvents.MaterialsChanged(applicationId));
    }
  }

  /**
   * 登记与核验补交材料: for each outstanding tolerated item, the clerk records a supply (through a
   * channel; a courier needs its tracking number) and re-checks it, or re-checks what arrived online
   * or on site: accepted, or defective again with the reason. Every row is checked before anything
   * changes. Returns the items still outstanding.
   */
  public List<MaterialItem> recordSupplyChecks(long applicationId, List<SupplyCheck> checks, String by) {
    Map<String, MaterialItem> items = itemsByCode(applicationId);
    List<SupplyCheck> acted = checks.stream()
        .filter(check -> check.result() != null && check.result() != SupplyCheck.Result.NONE).toList();
    if (acted.isEmpty()) {
      throw new InvalidApplicationException(CaseFields.REVIEWS, "请至少登记一项补交材料的核验结果");
    }
    for (SupplyCheck check : acted) {
      MaterialItem item = items.get(check.materialCode());
      if (item == null || item.keyMaterial() || !suppliable(item.status())) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "材料“"
            + (item == null ? check.materialCode() : item.materialName()) + "”不是本案待补交的容缺材料");
      }
      boolean arrived = item.status() == MaterialStatus.AWAITING_CHECK;
      if (!arrived && check.channel() == null) {
        throw new InvalidApplicationException(CaseFields.REVIEWS, "请选择材料“" + item.materialName() + "”的补交方式");
      }
      if (!arrived && check.channel() == SupplyChannel.COURIER && blank(check.reference())) {
        throw new InvalidApplicationException(CaseFields.REVIEWS,
            "材料“" + item.materialName() + "”邮寄补交，必须填写快递单号");
      }
      if (check.result() == SupplyCheck.Result.DEFECTIVE && blank(check.reason())) {
        throw new InvalidApplicationException(CaseFields.REVIEWS,
            "材料“" + item.materialName() + "”核验不合格，须写明原因");
      }
    }
    OffsetDateTime now = now();
    for (SupplyCheck check : acted) {
      MaterialItem item = items.get(check.materialCode());
      long supplyId;
      SupplyChannel channel;
      String reference;
      if (item.status() == MaterialStatus.AWAITING_CHECK) {
        MaterialSupply arrived = supplies.unchecked(item.id()).orElseThrow();
        supplyId = arrived.id();
        channel = arrived.channel();
        reference = arrived.reference();
      } else {
        channel = check.channel();
        reference = blank(check.reference()) ? null : check.reference().strip();
        supplyId = supplies.insert(item.id(), channel, reference, null, now, by);
      }
      if (check.result() == SupplyCheck.Result.ACCEPTED) {
        supplies.recordCheck(supplyId, MaterialSupply.CheckResult.ACCEPTED, null, now, by);
        materials.markSupplied(item.id(), MaterialStatus.SUPPLIED, now, by);
      } else {
        supplies.recordCheck(supplyId, MaterialSupply.CheckResult.DEFECTIVE, check.reason().strip(), now, by);
        materials.updateStatus(item.id(), MaterialStatus.DEFECTIVE, check.reason().strip(), by);
      }
    }
    List<MaterialItem> outstanding = materials.findByApplication(applicationId).stream()
        .filter(item -> item.status().outstanding()).toList();
    if (outstanding.isEmpty()) {
      events.publishEvent(new CaseEvents.ToleratedItemsSupplied(applicationId));
    }
    return outstanding;
  }

  /** The supplies of a case and their re-checks, oldest first. */
  public List<MaterialSupply> supplies(long applicationId) {
    return supplies.findByApplication(applicationId);
  }

  private static boolean suppliable(MaterialStatus status) {
    return status == MaterialStatus.TOLERATED || status == MaterialStatus.DEFECTIVE
        || status == MaterialStatus.AWAITING_CHECK;
  }

  private Map<String, MaterialItem> itemsByCode(long applicationId) {
    return materials.findByApplication(applicationId).stream()
        .collect(Collectors.toMap(MaterialItem::materialCode, Function.identity()));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
