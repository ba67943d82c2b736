package io.github.xuke.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the State Council's holiday notice: every day off inside a holiday block
 * ({@code holidays}, weekend days included) and every weekend day declared a working day
 * ({@code workdays}, 调休上班).
 */
public record HolidayYear(SortedSet<LocalDate> holidays, SortedSet<LocalDate> workdays) {

  public HolidayYear {
    holidays = new TreeSet<>(holidays);
    workdays = new TreeSet<>(workdays);
  }

  public static HolidayYear of(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    return new HolidayYear(new TreeSet<>(holidays), new TreeSet<>(workdays));
  }

  /** What is wrong with this data as the notice of {@code year}, in Chinese; empty when it is sound. */
  public List<String> problems(int year) {
    List<String> problems = new ArrayList<>();
    for (LocalDate day : holidays) {
      if (day.getYear() != year) {
        problems.add("放假日期 " + day + " 不在 " + year + " 年内");
      }
    }
    for (LocalDate day : workdays) {
      if (day.getYear() != year) {
        problems.add("调休上班日期 " + day + " 不在 " + year + " 年内");
      }
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        problems.add("调休上班日期 " + day + " 是工作日（" + day.getDayOfWeek() + "），只有周末才需调休上班");
      }
      if (holidays.contains(day)) {
        problems.add("日期 " + day + " 同时列为放假日和调休上班日");
      }
    }
    if (holidays.isEmpty()) {
      problems.add(year + " 年没有任何放假日期：国务院通知至少包含元旦、春节等假期");
    }
    return problems;
  }
}
