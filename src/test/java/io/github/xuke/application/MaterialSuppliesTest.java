package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialSupplyRepository;
import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.core.InvalidApplicationException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The supplies of tolerated items and their re-check, without engine or database. */
class MaterialSuppliesTest {

  final MaterialItemRepository materials = mock(MaterialItemRepository.class);
  final MaterialSupplyRepository supplies = mock(MaterialSupplyRepository.class);
  final MaterialSupplies supplyService = new MaterialSupplies(materials, supplies,
      mock(org.springframework.context.ApplicationEventPublisher.class),
      Clock.fixed(Instant.parse("2026-09-29T02:00:00Z"), ZoneOffset.UTC));

  static MaterialItem item(String code, boolean key, MaterialStatus status) {
    return ApplicationServiceTest.item(code, key, status);
  }

  @Test
  void onlyOutstandingToleratedItemsCanBeSuppliedAndEveryRowIsCheckedBeforeAnythingChanges() {
    when(materials.findByApplication(7)).thenReturn(List.of(item("A", false, MaterialStatus.SUBMITTED),
        item("B", false, MaterialStatus.TOLERATED), item("K", true, MaterialStatus.MISSING)));
    SupplyCheck acceptedB = new SupplyCheck("B", SupplyCheck.Result.ACCEPTED, SupplyChannel.WINDOW, null, null);

    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(acceptedB,
        new SupplyCheck("A", SupplyCheck.Result.ACCEPTED, SupplyChannel.WINDOW, null, null)), "clerk"))
        .isInstanceOf(InvalidApplicationException.class).hasMessageContaining("“A名称”不是本案待补交的容缺材料");
    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(
        new SupplyCheck("K", SupplyCheck.Result.ACCEPTED, SupplyChannel.WINDOW, null, null)), "clerk"))
        .hasMessageContaining("不是本案待补交的容缺材料");
    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(
        new SupplyCheck("B", SupplyCheck.Result.NONE, null, null, null)), "clerk"))
        .hasMessageContaining("请至少登记一项");
    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(
        new SupplyCheck("B", SupplyCheck.Result.ACCEPTED, SupplyChannel.COURIER, " ", null)), "clerk"))
        .hasMessageContaining("邮寄补交，必须填写快递单号");
    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(
        new SupplyCheck("B", SupplyCheck.Result.ACCEPTED, null, null, null)), "clerk"))
        .hasMessageContaining("请选择材料“B名称”的补交方式");
    assertThatThrownBy(() -> supplyService.recordSupplyChecks(7, List.of(
        new SupplyCheck("B", SupplyCheck.Result.DEFECTIVE, SupplyChannel.WINDOW, null, "")), "clerk"))
        .hasMessageContaining("核验不合格，须写明原因");
    verify(supplies, never()).insert(anyLong(), any(), any(), any(), any(), any());
    verify(materials, never()).markSupplied(anyLong(), any(), any(), any());
  }
}
