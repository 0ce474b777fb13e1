package io.pluresdb.tck.jooq;

import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;

/** The jOOQ settings an application uses with PluresDB, as the README documents them. */
final class JooqSettings {
  private JooqSettings() {}

  /**
   * jOOQ's defaults, except that {@code returning()} uses SQLite's native {@code RETURNING}: by
   * default jOOQ's open-source edition assumes tables may have triggers and re-reads inserted rows
   * by SQLite's {@code _rowid_}, which PluresDB does not expose. PluresDB has no triggers, so this
   * setting is exact.
   */
  static Settings forPluresDb() {
    return new Settings()
        .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER);
  }
}
