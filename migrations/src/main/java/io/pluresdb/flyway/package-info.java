/**
 * Flyway's database type for {@code jdbc:pluresdb:} URLs: PluresDB speaks SQLite's dialect and
 * catalog ({@code sqlite_master}), so Flyway's SQLite support runs on it once it is told the URL,
 * the driver and the product name. Registered as a Flyway plugin through {@code
 * META-INF/services/org.flywaydb.core.extensibility.Plugin}.
 */
@NullMarked
package io.pluresdb.flyway;

import org.jspecify.annotations.NullMarked;
