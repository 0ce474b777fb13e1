package io.pluresdb.tck.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium from the distribution's packages ({@code chromium} and {@code
 * chromium-driver}), driven through its chromedriver. The flags keep it from reaching for Google's
 * hosts, which a closed network would leave it waiting on, and a fresh profile directory keeps runs
 * apart.
 */
final class Chromium {
  static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Starts the browser; fails (never skips) when it is not installed. */
  static ChromeDriver start(Path profile) {
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new AssertionError(
          "the console test needs Chromium and its driver at "
              + BROWSER
              + " and "
              + DRIVER
              + ": install them with `apt-get install -y chromium chromium-driver` (.ci/run does),"
              + " or point -Dchromium.binary and -Dchromedriver.binary at them");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1100",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(120))
            .build();
    return new ChromeDriver(service, options);
  }
}
