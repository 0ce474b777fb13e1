/**
 * Conversions between canonical values and what JDBC getters and setters deal in, plus the type
 * facts (names, sizes, classes) that result set and database metadata report.
 */
package io.pluresdb.driver.value;
