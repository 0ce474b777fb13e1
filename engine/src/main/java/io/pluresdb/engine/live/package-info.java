/**
 * Live queries: the reactor that follows the change feed, matches committed changes against
 * subscriptions (indexed by table, key and predicate) and hands each subscriber its changes through
 * a bounded buffer; and the LISTEN/NOTIFY state of a session.
 */
package io.pluresdb.engine.live;
