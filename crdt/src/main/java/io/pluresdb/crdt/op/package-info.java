/** Operations and transactions: the events of the log, and their compact binary encoding. */
package io.pluresdb.crdt.op;
