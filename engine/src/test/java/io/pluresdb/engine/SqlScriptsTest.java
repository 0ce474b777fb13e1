package io.pluresdb.engine;

import io.pluresdb.engine.support.Db;
import io.pluresdb.engine.support.SqlScript;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Runs every script under {@code sql/} against its own fresh database. */
class SqlScriptsTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException, URISyntaxException {
    Path dir = Path.of(SqlScriptsTest.class.getResource("/sql").toURI());
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      Path home = Files.createDirectories(tmp.resolve(f.getFileName().toString()));
                      try (Db db = Db.open(home)) {
                        new SqlScript(f).run(db);
                      }
                    }));
  }
}
