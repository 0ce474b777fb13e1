package io.pluresdb.driver.meta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The driver's name and version, read once from the build's {@code driver.properties}. */
public final class DriverInfo {
  public static final String PRODUCT = "PluresDB";
  public static final String DRIVER_NAME = "PluresDB JDBC Driver";
  public static final String VERSION = load();
  public static final int MAJOR = part(0);
  public static final int MINOR = part(1);

  private DriverInfo() {}

  private static String load() {
    try (InputStream in =
        DriverInfo.class.getResourceAsStream("/io/pluresdb/driver/driver.properties")) {
      if (in == null) {
        throw new IllegalStateException("driver.properties is missing from the driver jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A numeric part of the version ("0.1.0-SNAPSHOT": 0, 1). */
  private static int part(int index) {
    String[] parts = VERSION.split("[.-]");
    try {
      return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
