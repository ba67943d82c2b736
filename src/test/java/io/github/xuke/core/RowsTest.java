package io.github.xuke.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows into records by the result's metadata: right values, and no look-up of a column by name. */
class RowsTest {

  enum State { OPEN, CLOSED }

  record Case(long id, String creditCode, State state, boolean active, OffsetDateTime receivedAt,
      Integer missingColumn, int missingPrimitive) {}

  @Test
  void mapsSnakeCaseColumnsToTheRecordsComponentsReadingEachRowByIndex() throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:rows-test;DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists t (id bigint, credit_code varchar(18), state varchar(10),"
          + " active boolean, received_at timestamp with time zone)");
      statement.execute("delete from t");
      statement.execute("insert into t values (1, '91350100M000100Y43', 'OPEN', true, "
          + "timestamp with time zone '2026-06-01 09:30:00+08:00'), (2, null, 'CLOSED', false, null)");
    }
    List<Case> cases = JdbcClient.create(dataSource).sql("select * from t order by id")
        .query(Rows.of(Case.class)).list();
    assertThat(cases).containsExactly(
        new Case(1, "91350100M000100Y43", State.OPEN, true, OffsetDateTime.parse("2026-06-01T09:30+08:00"), null, 0),
        new Case(2, null, State.CLOSED, false, null, null, 0));

    // a result that refuses every look-up by name is still read: only the metadata names columns
    List<String> lookedUp = new ArrayList<>();
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select * from t order by id")) {
      ResultSet noLookUps = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSet.class}, (proxy, method, arguments) -> {
            if (method.getName().equals("findColumn")) {
              lookedUp.add((String) arguments[0]);
              throw new SQLException("no look-up by name");
            }
            return method.invoke(rows, arguments);
          });
      var mapper = Rows.of(Case.class);
      noLookUps.next();
      assertThat(mapper.mapRow(noLookUps, 0).creditCode()).isEqualTo("91350100M000100Y43");
      noLookUps.next();
      assertThat(mapper.mapRow(noLookUps, 1).state()).isEqualTo(State.CLOSED);
    }
    assertThat(lookedUp).isEmpty();
  }
}
