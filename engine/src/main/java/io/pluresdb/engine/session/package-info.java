/**
 * Sessions: one per JDBC connection. {@link io.pluresdb.engine.session.PluresSession} prepares
 * statements into handles that carry their plans and executes them through its parts: the
 * transaction scope, the read and batch executors, the plan dispatch (one method per plan kind) and
 * the session settings; the cursors here stream rows back.
 */
package io.pluresdb.engine.session;
