/** Mergeable text from SQL: the {@code text_splice} function on every store connection. */
@NullMarked
package io.pluresdb.engine.text;

import org.jspecify.annotations.NullMarked;
