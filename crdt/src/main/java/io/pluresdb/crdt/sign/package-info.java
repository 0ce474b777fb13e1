/**
 * Node keys and record signatures: each node's Ed25519 key pair, the fingerprint that is a new
 * node's id, and verification of signed transaction records.
 */
@NullMarked
package io.pluresdb.crdt.sign;

import org.jspecify.annotations.NullMarked;
