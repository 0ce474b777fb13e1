/**
 * The implementation of the JDBC interfaces: one class per interface, thin delegation to the
 * planner session and to the small helpers in {@code io.pluresdb.driver.value}.
 */
package io.pluresdb.driver.jdbc;
