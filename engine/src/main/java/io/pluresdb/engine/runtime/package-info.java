/** Engines (store plus planner) shared, reference counted, by every connection to one database. */
package io.pluresdb.engine.runtime;
