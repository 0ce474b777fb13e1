/** Test support: a real store with a planner and a session, and the SQL script runner. */
package io.pluresdb.engine.support;
