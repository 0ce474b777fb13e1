/**
 * Plain HTTP beside replication: routes that other parts of a node (the web console) mount on the
 * replication listener's port, described without Netty types so that they stay free of the
 * transport. The listener answers a request whose path a mounted route accepts instead of treating
 * it as a WebSocket upgrade.
 */
@NullMarked
package io.pluresdb.sync.http;

import org.jspecify.annotations.NullMarked;
