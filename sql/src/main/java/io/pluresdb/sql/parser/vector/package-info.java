/** pgvector's distance operators, parsed as calls of PluresDB's vector distance functions. */
@NullMarked
package io.pluresdb.sql.parser.vector;

import org.jspecify.annotations.NullMarked;
