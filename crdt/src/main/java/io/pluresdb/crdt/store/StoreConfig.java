package io.pluresdb.crdt.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;

/**
 * How to open a store.
 *
 * @param path the database file, or null for an in-memory database
 * @param memoryName the in-memory database's name (one store per name within the JVM), when path is
 *     null; its data lives in a temporary file that is deleted on close
 * @param synchronousFull {@code PRAGMA synchronous=FULL} instead of NORMAL
 * @param clock wall clock for the hybrid logical clock; tests inject their own
 * @param maxClockDrift remote operations stamped further than this in the future are refused
 * @param nodeName a node id to use when creating the store, or null to generate one
 * @param connectionInitializer run on every SQLite connection the store opens (e.g. to register SQL
 *     functions); never null
 */
public record StoreConfig(
    Path path,
    String memoryName,
    boolean synchronousFull,
    Clock clock,
    Duration maxClockDrift,
    String nodeName,
    ConnectionInitializer connectionInitializer) {

  /** Prepares a freshly opened SQLite connection. */
  @FunctionalInterface
  public interface ConnectionInitializer {
    void initialize(Connection connection) throws java.sql.SQLException;
  }

  public static StoreConfig file(Path path) {
    return new StoreConfig(
        path, null, false, Clock.systemUTC(), Duration.ofMinutes(5), null, c -> {});
  }

  public static StoreConfig memory(String name) {
    return new StoreConfig(
        null, name, false, Clock.systemUTC(), Duration.ofMinutes(5), null, c -> {});
  }

  public StoreConfig withConnectionInitializer(ConnectionInitializer init) {
    return new StoreConfig(path, memoryName, synchronousFull, clock, maxClockDrift, nodeName, init);
  }

  /** This config with {@code next} run on each new connection after what it runs already. */
  public StoreConfig alsoInitializing(ConnectionInitializer next) {
    ConnectionInitializer before = connectionInitializer;
    return withConnectionInitializer(
        c -> {
          before.initialize(c);
          next.initialize(c);
        });
  }

  public StoreConfig withSynchronousFull(boolean full) {
    return new StoreConfig(
        path, memoryName, full, clock, maxClockDrift, nodeName, connectionInitializer);
  }

  public StoreConfig withClock(Clock c) {
    return new StoreConfig(
        path, memoryName, synchronousFull, c, maxClockDrift, nodeName, connectionInitializer);
  }

  public StoreConfig withMaxClockDrift(Duration d) {
    return new StoreConfig(
        path, memoryName, synchronousFull, clock, d, nodeName, connectionInitializer);
  }

  public StoreConfig withNodeName(String n) {
    return new StoreConfig(
        path, memoryName, synchronousFull, clock, maxClockDrift, n, connectionInitializer);
  }
}
