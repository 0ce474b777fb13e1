/**
 * A real Hibernate ORM application over {@code jdbc:pluresdb:} files: schema generation, entity
 * life cycle, optimistic locking, JPQL and criteria queries, identity and sequence ids.
 */
package io.pluresdb.tck.hibernate;
