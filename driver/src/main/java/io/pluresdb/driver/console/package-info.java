/**
 * The web console of {@code pluresdb serve}: a few pages served on the replication port, behind the
 * node's token, that show the peers and their lag over time, the parked transactions, the tables
 * and their rows, run SQL through the driver and keep a live query's rows up to date. The page is
 * built with Preact and uPlot, served from their WebJars in the jar; the JSON endpoints live under
 * {@code /console/api/}.
 */
@NullMarked
package io.pluresdb.driver.console;

import org.jspecify.annotations.NullMarked;
