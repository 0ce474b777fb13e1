/** The replicated schema: collections (tables), their columns, indexes and views. */
@NullMarked
package io.pluresdb.crdt.schema;

import org.jspecify.annotations.NullMarked;
