/** pgvector's distance operators, parsed as calls of PluresDB's vector distance functions. */
package io.pluresdb.sql.parser.vector;
