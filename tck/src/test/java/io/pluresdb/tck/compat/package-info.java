/**
 * SQLite's dialect as the floor: scripts written for SQLite run statement by statement on raw
 * sqlite-jdbc and on {@code jdbc:pluresdb:}, and every statement SQLite accepts must be accepted
 * with SQLite's answer, or be named in a list the build checks in both directions.
 */
package io.pluresdb.tck.compat;
