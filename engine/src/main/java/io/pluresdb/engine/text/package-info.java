/** Mergeable text from SQL: the {@code text_splice} function on every store connection. */
package io.pluresdb.engine.text;
