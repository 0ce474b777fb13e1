/**
 * The parser generated at build time from Calcite's Parser.jj template and {@code
 * src/main/codegen}: {@code PluresSqlParserImpl} and its JavaCC support classes. Use it through
 * {@link io.pluresdb.sql.parser.SqlParsers}.
 */
package io.pluresdb.sql.parser.impl;
