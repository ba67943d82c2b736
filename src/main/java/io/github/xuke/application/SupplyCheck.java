package io.github.xuke.application;

/**
 * The clerk's handling of one outstanding item in 登记与核验补交材料: nothing yet, or a supply (its
 * channel and reference, unless it arrived online or on site already) accepted or found defective.
 */
public record SupplyCheck(String materialCode, Result result, SupplyChannel channel, String reference,
    String reason) {

  public enum Result {
    /** 暂未补交: nothing changes. */
    NONE,
    /** 补交合格. */
    ACCEPTED,
    /** 补交不合格: needs the reason; the item stays outstanding. */
    DEFECTIVE
  }
}
