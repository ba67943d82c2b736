package io.github.xuke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link H2Exceptions} sees what H2 reports, also an exception the caller caught. */
@XukeTest
class H2ExceptionsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aColumnLookedUpByAGuessedNameIsCountedThoughTheCallerCaughtIt() {
    int before = H2Exceptions.count();

    Boolean found = jdbc.sql("select 1 as warn_at").query((ResultSet rs) -> {
      try {
        rs.findColumn("warnAt");
        return true;
      } catch (java.sql.SQLException expected) {
        return false;
      }
    });
    assertThatThrownBy(() -> jdbc.sql("select no_such_column from case_clock").query().listOfRows())
        .hasMessageContaining("no_such_column");

    assertThat(found).isFalse();
    assertThat(H2Exceptions.since(before)).hasSize(2).allSatisfy(line -> assertThat(line).contains("exception"));
  }
}
