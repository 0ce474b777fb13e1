/**
 * The tck's Hibernate ORM tests ({@code io.pluresdb.tck.hibernate}, compiled here from the tck's
 * sources) run against Hibernate ORM 6.6, the generation Spring Boot 3 applications run, to prove
 * the one dialect in the driver serves both 6.6 and 7.
 */
package io.pluresdb.tck.hibernate6;
