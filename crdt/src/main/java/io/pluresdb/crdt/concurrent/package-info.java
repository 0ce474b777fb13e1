/** Concurrency building blocks shared by the modules above: the serial executor. */
@NullMarked
package io.pluresdb.crdt.concurrent;

import org.jspecify.annotations.NullMarked;
