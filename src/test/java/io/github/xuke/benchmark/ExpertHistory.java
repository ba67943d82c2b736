package io.github.xuke.benchmark;

import io.github.xuke.core.CreditCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;

/**
 * A year of expert work behind the scale table, written straight into Xuke's tables: archived
 * applications of other enterprises over the last 365 days, each with its panel draw and
 * {@value #PER_CASE} reviewed assignments of experts from the pool, so that every new draw reads a
 * bureau's year of {@code expert_assignment} rows.
 */
final class ExpertHistory {

  static final int PER_CASE = 3;

  private ExpertHistory() {}

  /** Writes {@code assignments} assignments (rounded up to whole panels); answers how many. */
  static int insert(DataSource dataSource, int assignments) throws SQLException {
    int cases = (assignments + PER_CASE - 1) / PER_CASE;
    Random random = new Random(11);
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      List<Long> experts = experts(connection);
      if (experts.size() < PER_CASE) {
        throw new IllegalStateException("the expert pool has " + experts.size() + " experts");
      }
      try (PreparedStatement enterprise = connection.prepareStatement("""
              insert into enterprise (credit_code, name, contact_name, contact_phone, created_at, updated_at)
              values (?, ?, '张三', '13812345678', ?, ?)""", Statement.RETURN_GENERATED_KEYS);
          PreparedStatement application = connection.prepareStatement("""
              insert into licence_application (case_number, enterprise_id, enterprise_name, licence_type,
                licence_type_name, status, received_at, received_by, accepted_at, accepted_by, archived_at)
              values (?, ?, ?, 'HAZCHEM_SAFE_USE', '危险化学品安全使用许可证', 'ARCHIVED', ?, 'clerk', ?, 'clerk', ?)""",
              Statement.RETURN_GENERATED_KEYS);
          PreparedStatement draw = connection.prepareStatement("""
              insert into expert_draw (application_id, purpose, seed, drawn_at, drawn_by, record)
              values (?, 'PANEL', ?, ?, 'clerk', '{}')""", Statement.RETURN_GENERATED_KEYS);
          PreparedStatement assignment = connection.prepareStatement("""
              insert into expert_assignment (application_id, expert_id, draw_id, enterprise_credit_code, state,
                invited_at, answered_at, conclusion, reviewed_at)
              values (?, ?, ?, ?, 'REVIEWED', ?, ?, 'PASS', ?)""")) {
        for (int i = 1; i <= cases; i++) {
          String first17 = "91320000" + "%09d".formatted(i);
          String creditCode = first17 + CreditCode.checkCharacter(first17);
          OffsetDateTime at = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
          String name = "往年申请企业" + i;
          enterprise.setString(1, creditCode);
          enterprise.setString(2, name);
          enterprise.setObject(3, at);
          enterprise.setObject(4, at);
          long enterpriseId = inserted(enterprise);
          application.setString(1, "HIST-%06d".formatted(i));
          application.setLong(2, enterpriseId);
          application.setString(3, name);
          application.setObject(4, at);
          application.setObject(5, at);
          application.setObject(6, at.plusDays(20));
          long applicationId = inserted(application);
          draw.setLong(1, applicationId);
          draw.setLong(2, random.nextLong());
          draw.setObject(3, at);
          long drawId = inserted(draw);
          List<Long> panel = new ArrayList<>(experts);
          java.util.Collections.shuffle(panel, random);
          for (long expert : panel.subList(0, PER_CASE)) {
            assignment.setLong(1, applicationId);
            assignment.setLong(2, expert);
            assignment.setLong(3, drawId);
            assignment.setString(4, creditCode);
            assignment.setObject(5, at);
            assignment.setObject(6, at.plusHours(2));
            assignment.setObject(7, at.plusDays(2));
            assignment.addBatch();
          }
          assignment.executeBatch();
          if (i % 500 == 0) {
            connection.commit();
          }
        }
      }
      connection.commit();
    }
    return cases * PER_CASE;
  }

  private static List<Long> experts(Connection connection) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id from expert where active = true order by id")) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static long inserted(PreparedStatement insert) throws SQLException {
    insert.executeUpdate();
    try (ResultSet keys = insert.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
