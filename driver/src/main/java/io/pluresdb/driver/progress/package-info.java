/**
 * Progress of long work on the open databases of this JVM (statements running, transactions
 * committed meanwhile, index builds, replication backlog), and the live counter line the shell
 * draws from it.
 */
@NullMarked
package io.pluresdb.driver.progress;

import org.jspecify.annotations.NullMarked;
