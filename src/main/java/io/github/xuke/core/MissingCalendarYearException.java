package io.github.xuke.core;

/**
 * A date falls in a year whose State Council holiday schedule has not been loaded. Such a year is
 * never treated as an ordinary Monday-to-Friday year: a deadline computed that way could be wrong
 * by a whole Golden Week.
 */
public class MissingCalendarYearException extends RuntimeException {

  private final int year;

  public MissingCalendarYearException(int year) {
    super("缺少 " + year + " 年的法定节假日安排数据，无法计算工作日期限；请管理员导入国务院办公厅公布的 "
        + year + " 年节假日安排。");
    this.year = year;
  }

  public int getYear() {
    return year;
  }
}
