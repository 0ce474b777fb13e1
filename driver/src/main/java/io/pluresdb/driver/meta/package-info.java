/** {@code DatabaseMetaData}: catalog answers built from the session's schema snapshot. */
package io.pluresdb.driver.meta;
