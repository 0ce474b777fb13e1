/**
 * Vectors for similarity search: exact distance functions over {@code float[]}, the text and binary
 * forms of a vector, and approximate nearest-neighbour indexes over hnswlib-core that persist to a
 * file. Depends on no other PluresDB module.
 */
@NullMarked
package io.pluresdb.vector;

import org.jspecify.annotations.NullMarked;
