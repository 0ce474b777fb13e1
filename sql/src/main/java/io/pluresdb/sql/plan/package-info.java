/**
 * Planned statements: one immutable record per statement kind, produced once per SQL text and
 * catalog version, and the planner that dispatches a parsed statement to its kind.
 */
package io.pluresdb.sql.plan;
