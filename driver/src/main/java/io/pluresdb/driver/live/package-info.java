/**
 * The push side of live queries: listener pumps and the {@link java.util.concurrent.Flow} publisher
 * over a subscription's buffer, and the conversion of its rows to public {@link
 * io.pluresdb.jdbc.LiveChange}s.
 */
@NullMarked
package io.pluresdb.driver.live;

import org.jspecify.annotations.NullMarked;
