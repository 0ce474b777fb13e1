package io.pluresdb.engine.live;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live-query reactor has done so far: the latest change set it processed and how many
 * re-evaluations changes cost, for registration ({@code _version} of initial rows), tests and
 * diagnostics.
 *
 * <p>Thread-safety: written by the reactor thread only; read from any thread (volatile and atomic
 * fields, no lock).
 */
final class ReactorProgress {
  private volatile long processedSeq;
  private final AtomicLong evaluations = new AtomicLong();

  /** The log position of the latest change set the reactor has processed. */
  long processedSeq() {
    return processedSeq;
  }

  void processed(long seq) {
    processedSeq = seq;
  }

  /** How many times a subscription was re-evaluated because of a change. */
  long evaluations() {
    return evaluations.get();
  }

  void evaluated() {
    evaluations.incrementAndGet();
  }
}
