package io.github.xuke.application.internal;

import io.github.xuke.application.SupplyChannel;
import io.github.xuke.application.MaterialSupply;
import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code material_supply}: every supply of a tolerated item and its re-check. */
@Repository
public class MaterialSupplyRepository {

  private final JdbcClient jdbc;

  public MaterialSupplyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long materialItemId, SupplyChannel channel, String reference, Long documentId,
      OffsetDateTime at, String by) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into material_supply (material_item_id, channel, reference, document_id, supplied_at,
              supplied_by)
            values (?, ?, ?, ?, ?, ?)""")
        .params(materialItemId, channel.name(), reference, documentId, at, by)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public void recordCheck(long id, MaterialSupply.CheckResult result, String reason, OffsetDateTime at, String by) {
    jdbc.sql("""
            update material_supply set check_result = ?, check_reason = ?, checked_at = ?, checked_by = ?
            where id = ?""")
        .params(result.name(), reason, at, by, id).update();
  }

  /** The latest supply of an item that nobody has re-checked yet. */
  public Optional<MaterialSupply> unchecked(long materialItemId) {
    return jdbc.sql("""
            select * from material_supply where material_item_id = ? and check_result is null
            order by id desc""")
        .param(materialItemId).query(Rows.of(MaterialSupply.class)).list().stream().findFirst();
  }

  public List<MaterialSupply> findByApplication(long applicationId) {
    return jdbc.sql("""
            select s.* from material_supply s join material_item m on m.id = s.material_item_id
            where m.application_id = ? order by s.id""")
        .param(applicationId).query(Rows.of(MaterialSupply.class)).list();
  }
}
