/** The change feed: committed transactions published to live queries, indexes and replication. */
package io.pluresdb.crdt.feed;
