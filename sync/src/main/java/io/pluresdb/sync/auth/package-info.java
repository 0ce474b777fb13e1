/** Who may connect, read and write: the policy agent and its implementations. */
package io.pluresdb.sync.auth;
