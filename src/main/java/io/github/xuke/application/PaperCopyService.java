package io.github.xuke.application;

import io.github.xuke.application.internal.MaterialItemRepository;
import io.github.xuke.core.Rows;
import io.github.xuke.core.ApiException;
import io.github.xuke.core.TextFields;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 纸质材料: the enterprise posts the paper copies of what it uploaded (EMS, cash on delivery at the
 * centre's cost); the clerk records the tracking number, then the receipt and the comparison.
 */
@Service
@Transactional
public class PaperCopyService {

  /** {@code paper_copy.remark}. */
  static final int MAX_REMARK = 1000;

  private final JdbcClient jdbc;
  private final MaterialItemRepository materials;
  private final Clock clock;

  public PaperCopyService(JdbcClient jdbc, MaterialItemRepository materials, Clock clock) {
    this.jdbc = jdbc;
    this.materials = materials;
    this.clock = clock;
  }

  /** The paper copy of a material is on its way. */
  public PaperCopy posted(long applicationId, String materialCode, String trackingNumber) {
    MaterialItem item = item(applicationId, materialCode);
    if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.strip().length() > 60) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_TRACKING_NUMBER", "trackingNumber", "请填写快递单号（不超过 60 个字符）");
    }
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into paper_copy (material_item_id, tracking_number) values (?, ?)")
        .params(item.id(), trackingNumber.strip()).update(key, "id");
    return get(key.getKey().longValue());
  }

  /** The paper copy arrived; the clerk says whether it matches the uploaded copy. */
  public PaperCopy received(long applicationId, long paperCopyId, boolean matchesUpload, String remark, String by) {
    PaperCopy copy = get(paperCopyId);
    if (materials.findByApplication(applicationId).stream().noneMatch(item -> item.id() == copy.materialItemId())) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "paperCopyId", "本案没有该纸质材料记录");
    }
    if (!matchesUpload && (remark == null || remark.isBlank())) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "REMARK_REQUIRED", "remark", "纸质材料与上传件不一致时，须说明差异");
    }
    String checkedRemark = TextFields.optional(remark, "remark", "差异说明", MAX_REMARK);
    jdbc.sql("""
            update paper_copy set received_at = ?, received_by = ?, matches_upload = ?, remark = ?
            where id = ?""")
        .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), by, matchesUpload,
            checkedRemark, copy.id())
        .update();
    return get(paperCopyId);
  }

  public List<PaperCopy> ofCase(long applicationId) {
    return jdbc.sql("""
            select p.* from paper_copy p join material_item m on m.id = p.material_item_id
            where m.application_id = ? order by p.id""")
        .param(applicationId).query(Rows.of(PaperCopy.class)).list();
  }

  private PaperCopy get(long id) {
    return jdbc.sql("select * from paper_copy where id = ?").param(id).query(Rows.of(PaperCopy.class)).optional()
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND", "paperCopyId", "未找到纸质材料记录 " + id));
  }

  private MaterialItem item(long applicationId, String materialCode) {
    return materials.findByApplication(applicationId).stream()
        .filter(candidate -> candidate.materialCode().equals(materialCode)).findFirst()
        .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "UNKNOWN_MATERIAL", "materialCode",
            "本案没有材料“" + TextFields.preview(materialCode) + "”"));
  }
}
