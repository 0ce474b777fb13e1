/** The Calcite planner: parse, validate and plan; reads pushed to SQLite, writes to operations. */
package io.pluresdb.planner;
