package io.pluresdb.crdt.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** Run in a second JVM by a test: tries to open the store and prints the SQLState. */
public final class OpenElsewhere {
  private OpenElsewhere() {}

  public static void main(String[] args) {
    try (Store s = Store.open(StoreConfig.file(Path.of(args[0])))) {
      System.out.println("OPENED");
    } catch (SQLException e) {
      System.out.println(e.getSQLState() + " " + e.getMessage());
    }
  }
}
