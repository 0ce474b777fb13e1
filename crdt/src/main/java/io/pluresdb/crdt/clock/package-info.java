/** The hybrid logical clock that issues operation ids (ULIDs). */
package io.pluresdb.crdt.clock;
