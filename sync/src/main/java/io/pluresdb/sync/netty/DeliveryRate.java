package io.pluresdb.sync.netty;

/**
 * Transactions delivered per second: the count of the last whole second.
 *
 * <p>Thread-safe: the link's serial executor adds, status readers read.
 */
final class DeliveryRate {
  private long second;
  private long current;
  private long previous;

  synchronized void add(int deliveries) {
    roll();
    current += deliveries;
  }

  /** Deliveries in the last whole second. */
  synchronized long perSecond() {
    roll();
    return previous;
  }

  private void roll() {
    long now = System.nanoTime() / 1_000_000_000L;
    if (now != second) {
      previous = now == second + 1 ? current : 0;
      current = 0;
      second = now;
    }
  }
}
