package io.github.xuke.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gap-free yearly serial numbers (case numbers, licence numbers per type). The increment takes a
 * row lock that is held until the caller's transaction ends, so two cases never share a number.
 */
@Repository
public class NumberSequences {

  private final JdbcClient jdbc;

  public NumberSequences(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next value of {@code name} in {@code year}, starting at 1. */
  public long next(String name, int year) {
    jdbc.sql("""
            merge into number_sequence s
            using (values (cast(? as varchar(80)), cast(? as integer))) as v (name, seq_year)
            on s.name = v.name and s.seq_year = v.seq_year
            when matched then update set last_value = s.last_value + 1
            when not matched then insert (name, seq_year, last_value) values (v.name, v.seq_year, 1)""")
        .params(name, year)
        .update();
    return jdbc.sql("select last_value from number_sequence where name = ? and seq_year = ?")
        .params(name, year)
        .query(Long.class)
        .single();
  }
}
