package io.github.xuke.document;

import io.github.xuke.core.Rows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Table {@code case_document}. */
@Repository
class DocumentRepository {

  private final JdbcClient jdbc;

  DocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long applicationId, String materialCode, String storageName, String originalName,
      String contentType, long size, String sha256, String uploadedBy, OffsetDateTime at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into case_document (application_id, material_code, storage_name, original_name,
              content_type, size_bytes, sha256, uploaded_by, uploaded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(applicationId, materialCode, storageName, originalName, contentType, size, sha256, uploadedBy, at)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<StoredDocument> findById(long id) {
    return jdbc.sql("select * from case_document where id = ?").param(id).query(Rows.of(StoredDocument.class)).optional();
  }

  List<StoredDocument> findByApplication(long applicationId) {
    return jdbc.sql("select * from case_document where application_id = ? order by id")
        .param(applicationId).query(Rows.of(StoredDocument.class)).list();
  }
}
