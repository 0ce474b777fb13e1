/** The web console of {@code pluresdb serve}, driven in a real headless Chromium. */
package io.pluresdb.tck.console;
