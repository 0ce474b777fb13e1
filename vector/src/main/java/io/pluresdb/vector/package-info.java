/** Placeholder until its issue lands. */
package io.pluresdb.vector;
