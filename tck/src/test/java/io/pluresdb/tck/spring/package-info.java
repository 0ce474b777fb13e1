/**
 * Spring's JDBC support over {@code PluresDataSource}: templates, named parameters, generated keys,
 * transaction management and the translation of our SQLStates into Spring's exceptions.
 */
package io.pluresdb.tck.spring;
