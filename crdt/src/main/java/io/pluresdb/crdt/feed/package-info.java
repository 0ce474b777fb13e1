/** The change feed: committed transactions published to live queries, indexes and replication. */
@NullMarked
package io.pluresdb.crdt.feed;

import org.jspecify.annotations.NullMarked;
