/**
 * Spring Boot auto-configuration for {@code jdbc:pluresdb:} URLs: Boot's pooled data source built
 * from {@code spring.datasource.url} alone, a {@code PluresDataSource} when there is no pool, the
 * database treated as embedded for {@code spring.sql.init}, a {@code pluresdb} health indicator and
 * Micrometer meters of the replication peers.
 */
@NullMarked
package io.pluresdb.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
