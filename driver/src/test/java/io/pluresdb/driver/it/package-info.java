/** Tests of the driver through {@code java.sql} over the real store and planner. */
package io.pluresdb.driver.it;
