/**
 * Liquibase's database for {@code jdbc:pluresdb:} URLs: SQLite's, since PluresDB speaks SQLite's
 * dialect, chosen for connections whose product is PluresDB. Registered through {@code
 * META-INF/services/liquibase.database.Database}.
 */
@NullMarked
package io.pluresdb.liquibase;

import org.jspecify.annotations.NullMarked;
