/**
 * Live-query statements: {@code SUBSCRIBE <query>} and pgjdbc-style {@code LISTEN}, {@code
 * UNLISTEN} and {@code NOTIFY}.
 */
package io.pluresdb.sql.parser.live;
