/** SQLStates and the one factory that turns them into JDBC exceptions; shared by every module. */
@NullMarked
package io.pluresdb.crdt.error;

import org.jspecify.annotations.NullMarked;
