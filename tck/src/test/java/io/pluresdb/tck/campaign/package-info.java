/**
 * The real-node fault campaign: seeded schedules of DDL, writes, partitions, kill -9, restarts and
 * clock skew, and a peer forging other nodes' transactions, over a hub and clients, each node a
 * separate JVM driven through a line protocol on its stdin and stdout; at the end every node must
 * hold the same schemas and rows and every acknowledged commit.
 */
package io.pluresdb.tck.campaign;
