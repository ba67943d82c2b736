package io.github.xuke.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code calendar_year}: the holiday notices admins have loaded. */
@Repository
public class CalendarYearRepository {

  private final JdbcClient jdbc;

  public CalendarYearRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A loaded notice, and who loaded it from where. */
  public record StoredYear(int year, HolidayYear data, String source, OffsetDateTime loadedAt, String loadedBy) {}

  public Map<Integer, StoredYear> findAll() {
    Map<Integer, StoredYear> years = new TreeMap<>();
    jdbc.sql("select * from calendar_year").query((rs, row) -> new StoredYear(rs.getInt("cal_year"),
        HolidayYear.of(
            Arrays.stream(rs.getString("holidays").split(",")).filter(s -> !s.isBlank())
                .map(LocalDate::parse).collect(Collectors.toSet()),
            Arrays.stream(rs.getString("workdays").split(",")).filter(s -> !s.isBlank())
                .map(LocalDate::parse).collect(Collectors.toSet())),
        rs.getString("source"), rs.getObject("loaded_at", OffsetDateTime.class), rs.getString("loaded_by")))
        .list().forEach(year -> years.put(year.year(), year));
    return years;
  }

  public void save(int year, HolidayYear data, String source, OffsetDateTime at, String by) {
    jdbc.sql("delete from calendar_year where cal_year = ?").param(year).update();
    jdbc.sql("""
            insert into calendar_year (cal_year, holidays, workdays, source, loaded_at, loaded_by)
            values (?, ?, ?, ?, ?, ?)""")
        .params(year, join(data.holidays()), join(data.workdays()), source, at, by)
        .update();
  }

  private static String join(Iterable<LocalDate> dates) {
    StringBuilder text = new StringBuilder();
    dates.forEach(date -> text.append(text.isEmpty() ? "" : ",").append(date));
    return text.toString();
  }
}
