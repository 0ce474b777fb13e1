/** The replicated schema: collections (tables), their columns, indexes and views. */
package io.pluresdb.crdt.schema;
