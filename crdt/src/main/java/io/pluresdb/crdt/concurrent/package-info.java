/** Concurrency building blocks shared by the modules above: the serial executor. */
package io.pluresdb.crdt.concurrent;
