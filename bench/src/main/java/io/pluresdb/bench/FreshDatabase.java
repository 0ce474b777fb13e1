package io.pluresdb.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A new database file in a temporary directory with the fixture's schema and one open connection,
 * for the benchmarks that write into an empty database; closing it deletes the directory.
 */
final class FreshDatabase implements AutoCloseable {
  final Target target;
  final Connection connection;
  private final Path dir;

  FreshDatabase(String target, String name) throws SQLException {
    this.target = Target.of(target);
    this.dir = Fixture.tempDir("bench-" + name);
    this.connection = this.target.open(dir.resolve(name + ".db"));
    Fixture.createSchema(this.target, connection);
  }

  @Override
  public void close() throws SQLException {
    try {
      connection.close();
    } finally {
      Fixture.deleteTree(dir);
    }
  }
}
