package io.github.xuke.application.internal;

import io.github.xuke.application.SupplyChannel;
import io.github.xuke.application.MaterialStatus;
import io.github.xuke.application.MaterialItem;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code material_item}: the required materials of each application. */
@Repository
public class MaterialItemRepository {

  private final JdbcClient jdbc;

  public MaterialItemRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<MaterialItem> findByApplication(long applicationId) {
    // the channel and reference of an item's latest supply: kept once, in material_supply
    return jdbc.sql("""
            select m.*, s.channel as supply_channel, s.reference as supply_reference
            from material_item m
            left join material_supply s on s.id =
              (select max(latest.id) from material_supply latest where latest.material_item_id = m.id)
            where m.application_id = ? order by m.id""")
        .param(applicationId).query(Rows.of(MaterialItem.class)).list();
  }

  public void insert(long applicationId, String code, String name, boolean key, MaterialStatus status,
      OffsetDateTime submittedAt, String recordedBy) {
    jdbc.sql("""
            insert into material_item (application_id, material_code, material_name, key_material,
              status, submitted_at, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(applicationId, code, name, key, status.name(), submittedAt, recordedBy)
        .update();
  }

  public void markSubmitted(long id, OffsetDateTime at, String by) {
    jdbc.sql("""
            update material_item set status = ?, submitted_at = ?, recorded_by = ?, status_reason = null
            where id = ?""")
        .params(MaterialStatus.SUBMITTED.name(), at, by, id).update();
  }

  /** The clerk's finding on an item: its new state and the reason (defective, waived), or none. */
  public void updateStatus(long id, MaterialStatus status, String reason, String by) {
    jdbc.sql("update material_item set status = ?, status_reason = ?, recorded_by = ? where id = ?")
        .params(status.name(), reason, by, id).update();
  }

  /**
   * A tolerated item arrived: its state is now {@code status} (awaiting check or supplied). How it
   * came is the supply's (material_supply), recorded by the caller.
   */
  public void markSupplied(long id, MaterialStatus status, OffsetDateTime at, String by) {
    jdbc.sql("""
            update material_item set status = ?, supplied_at = ?, recorded_by = ?, status_reason = null
            where id = ?""")
        .params(status.name(), at, by, id).update();
  }
}
