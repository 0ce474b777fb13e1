/** What the planner hands the driver: prepared statements, results and cursors. */
package io.pluresdb.planner.exec;
