/** The command line of the self-contained jar: {@code shell}, {@code version}, {@code --help}. */
package io.pluresdb.driver.cli;
