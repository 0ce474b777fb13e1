/** SQLStates and the one factory that turns them into JDBC exceptions; shared by every module. */
package io.pluresdb.crdt.error;
