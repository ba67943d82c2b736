package io.github.xuke.expert;

/**
 * What the expert review tells the other modules, in the transaction of the step: the review of a
 * case began (the panel was drawn) and ended (the opinions were consolidated). The law does not count
 * the time between against the statutory limit (《行政许可法》第四十五条).
 */
public final class ExpertReviewEvents {

  private ExpertReviewEvents() {}

  /** The panel of the case was drawn: the review runs in process instance {@code processInstanceId}. */
  public record Started(long applicationId, String processInstanceId) {}

  /** The panel's opinions of the case were consolidated; {@code reviewers} experts gave one. */
  public record Ended(long applicationId, int reviewers, String processInstanceId) {}
}
