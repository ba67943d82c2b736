package io.github.xuke.benchmark;

/**
 * Xuke through REST: the in-process app's HTTP port, a full case worked by {@link RestCase} as the
 * demo users, one request after another, as one Tasklist user at a time would.
 */
final class XukeOverRest implements Side {

  private final RunningXuke xuke;
  private final RestCase rest;

  XukeOverRest(RunningXuke xuke) {
    this.xuke = xuke;
    this.rest = new RestCase(xuke.port());
  }

  @Override
  public String name() {
    return "Xuke over REST";
  }

  /** Issue 11: a full case through REST at ≥ 0.33× the bare engine's cases per second. */
  @Override
  public double targetShare() {
    return 0.33;
  }

  @Override
  public SqlCounter counter() {
    return xuke.counter();
  }

  @Override
  public void workCase(Calls completions) {
    rest.workCase(completions);
  }
}
