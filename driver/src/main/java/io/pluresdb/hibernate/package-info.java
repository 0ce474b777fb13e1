/**
 * Hibernate ORM support: {@link io.pluresdb.hibernate.PluresDialect}, found by Hibernate through
 * {@link io.pluresdb.hibernate.PluresDialectResolver} or named in {@code hibernate.dialect}.
 * Hibernate is an optional dependency of the driver: these classes are loaded only by an
 * application that has it.
 */
@NullMarked
package io.pluresdb.hibernate;

import org.jspecify.annotations.NullMarked;
