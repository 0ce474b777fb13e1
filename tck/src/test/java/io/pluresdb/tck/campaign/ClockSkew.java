package io.pluresdb.tck.campaign;

/** How a node of the campaign is told its clock offset: the URL property, or nothing for none. */
final class ClockSkew {
  private ClockSkew() {}

  /** The URL part ({@code &...}) that runs a node's clock {@code offsetMillis} off true time. */
  static String property(long offsetMillis) {
    return offsetMillis == 0 ? "" : "&clock_offset=" + offsetMillis;
  }
}
