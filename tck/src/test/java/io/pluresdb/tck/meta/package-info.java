/**
 * Metadata clients over {@code jdbc:pluresdb:}: SchemaCrawler builds a full catalog (tables, views,
 * columns, keys, indexes, foreign keys, types, functions) through {@code DatabaseMetaData}, as
 * DBeaver's navigator does.
 */
package io.pluresdb.tck.meta;
