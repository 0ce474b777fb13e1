/** The {@code jdbc:pluresdb:} URL grammar and the one enum of connection properties. */
package io.pluresdb.driver.url;
