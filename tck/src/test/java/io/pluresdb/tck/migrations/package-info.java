/**
 * Flyway and Liquibase run their migrations on {@code jdbc:pluresdb:} through the migrations
 * module's database type and database: create, alter, seed, a later migration on restart, baseline,
 * validate, info, and their own bookkeeping tables.
 */
package io.pluresdb.tck.migrations;
