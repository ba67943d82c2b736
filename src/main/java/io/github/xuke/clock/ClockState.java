package io.github.xuke.clock;

/** Where a clock stands. */
public enum ClockState {
  /** 计时中. */
  RUNNING,
  /** 已暂停: time the law excludes (expert review, rectification, a postponement asked for). */
  PAUSED,
  /** 已按时完成. */
  MET,
  /** 已超期: the due passed first; stays so when the work is done later. */
  BREACHED,
  /** 已终止: the case ended otherwise (refused, not accepted). */
  CANCELLED;

  public boolean open() {
    return this == RUNNING || this == PAUSED;
  }
}
