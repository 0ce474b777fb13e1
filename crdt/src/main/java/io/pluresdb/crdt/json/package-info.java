/**
 * Mergeable JSON documents: per-path registers, arrays as Fugue sequences, whose edits travel as
 * compact operation values and whose merged document is materialized as JSON text in the row.
 */
@NullMarked
package io.pluresdb.crdt.json;

import org.jspecify.annotations.NullMarked;
