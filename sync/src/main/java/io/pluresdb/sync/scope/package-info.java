/**
 * Scopes: which rows of which tables a node wants to hold ({@code CREATE SCOPE name AS SELECT *
 * FROM table WHERE …}), declared on a client and sent to the node it syncs with, which sends only
 * the rows inside them and its read policies.
 */
@NullMarked
package io.pluresdb.sync.scope;

import org.jspecify.annotations.NullMarked;
