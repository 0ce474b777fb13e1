package io.pluresdb.sync.replicator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run a node's sessions, each session on its own serial executor over them. A
 * bounded number: a committed transaction schedules work for every live session at once, and a
 * thread per session (an unbounded pool grows to one per session scheduled together) makes a hub
 * with thousands of clients spend its CPU switching between thousands of threads, and its memory on
 * their stacks. Enough threads that sessions blocked in the store (waiting for the write lock or a
 * log reader) leave others running; idle threads end after a minute.
 */
final class SessionPool {
  /** Threads at most; sessions beyond it wait their turn in the queue. */
  static final int THREADS = Math.max(16, 4 * Runtime.getRuntime().availableProcessors());

  private SessionPool() {}

  static ExecutorService create(ThreadFactory threads) {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
