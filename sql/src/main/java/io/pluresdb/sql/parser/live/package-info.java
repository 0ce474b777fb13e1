/**
 * Live-query statements: {@code SUBSCRIBE <query>} and pgjdbc-style {@code LISTEN}, {@code
 * UNLISTEN} and {@code NOTIFY}.
 */
@NullMarked
package io.pluresdb.sql.parser.live;

import org.jspecify.annotations.NullMarked;
