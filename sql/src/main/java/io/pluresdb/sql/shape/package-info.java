/**
 * Statement shapes: a statement's text with its literals taken out, so that statements differing
 * only in literals share one plan (auto-parameterization, as SQL Server's simple parameterization
 * and PostgreSQL's generic plans do). Read by a small scanner, never by the parser: avoiding the
 * parse is the point.
 */
@NullMarked
package io.pluresdb.sql.shape;

import org.jspecify.annotations.NullMarked;
