/**
 * Mergeable text: a sequence CRDT (Fugue) whose edits travel as compact operation values and whose
 * merged text is materialized in the row's column.
 */
@NullMarked
package io.pluresdb.crdt.text;

import org.jspecify.annotations.NullMarked;
