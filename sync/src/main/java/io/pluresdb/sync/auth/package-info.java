/** Who may connect, read and write: the policy agent and its implementations. */
@NullMarked
package io.pluresdb.sync.auth;

import org.jspecify.annotations.NullMarked;
