/** The hybrid logical clock that issues operation ids (ULIDs). */
@NullMarked
package io.pluresdb.crdt.clock;

import org.jspecify.annotations.NullMarked;
