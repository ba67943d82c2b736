package io.github.xuke.core;

/** How a limit is counted. */
public enum LimitUnit {
  /** 工作日, by the State Council's calendar. */
  WORKING_DAYS,
  /** 日: calendar days. */
  DAYS
}
