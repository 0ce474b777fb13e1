package io.pluresdb.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Small pieces: outside the JDBC surface (whose classes may be long only as thin delegation to one
 * interface's many methods), no main class of any module is longer than {@value #MAX_LINES} lines.
 */
class ClassSizeTest {
  private static final int MAX_LINES = 300;

  /** The JDBC surface: one class per JDBC interface, in these source folders. */
  private static final List<String> JDBC_SURFACE =
      List.of(
          "io/pluresdb/driver/jdbc/",
          "io/pluresdb/driver/meta/DatabaseMetaDataImpl.java",
          // one getter and setter per connection property, each a line of delegation
          "io/pluresdb/jdbc/PluresDataSource.java");

  @ParameterizedTest
  @ValueSource(strings = {"crdt", "vector", "sync", "store-postgres", "sql", "engine", "driver"})
  void noClassOutsideTheJdbcSurfaceIsLongerThanTheLimit(String module) throws IOException {
    // the tests run in the driver module's directory; the other modules are its siblings
    Path sources = Path.of("..", module, "src", "main", "java");
    assertThat(sources).isDirectory();
    try (Stream<Path> files = Files.walk(sources)) {
      List<String> tooLong =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(p -> !onJdbcSurface(sources.relativize(p)))
              .filter(p -> lines(p) > MAX_LINES)
              .map(p -> sources.relativize(p) + " (" + lines(p) + " lines)")
              .toList();
      assertThat(tooLong).as("classes longer than %d lines", MAX_LINES).isEmpty();
    }
  }

  private static boolean onJdbcSurface(Path relative) {
    String s = relative.toString().replace('\\', '/');
    return JDBC_SURFACE.stream().anyMatch(s::startsWith);
  }

  private static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
