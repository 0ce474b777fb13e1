/** SQLite statements through the driver, each compared with raw sqlite-jdbc answers. */
package io.pluresdb.jdbc.compat;
