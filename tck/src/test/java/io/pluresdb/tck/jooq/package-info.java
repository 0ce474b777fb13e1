/**
 * jOOQ over {@code jdbc:pluresdb:} with {@code SQLDialect.SQLITE}: the DSL's queries, batches,
 * {@code returning()}, upserts, and code generation from the live database's metadata.
 */
package io.pluresdb.tck.jooq;
