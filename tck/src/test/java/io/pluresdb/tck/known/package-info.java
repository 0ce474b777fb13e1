/**
 * The known-failure list of the JDBC conformance tests: a JUnit extension that tolerates only the
 * listed failures and fails the build when a listed test starts to pass.
 */
package io.pluresdb.tck.known;
