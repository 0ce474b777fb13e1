package io.pluresdb.engine.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Which database a URL names: a file, or an in-memory database shared by name within the JVM.
 *
 * @param file the database file, or null for an in-memory database
 * @param memoryName the in-memory database's name, or null for a file
 */
public record DatabaseTarget(@Nullable Path file, @Nullable String memoryName) {

  public static DatabaseTarget ofFile(Path file) {
    return new DatabaseTarget(file, null);
  }

  public static DatabaseTarget ofMemory(String name) {
    return new DatabaseTarget(null, name);
  }

  public boolean inMemory() {
    return file == null;
  }

  /**
   * A key equal for every spelling of one database: {@code mem:<name>}, or the file's real path
   * (symbolic links and {@code ..} resolved through the nearest existing ancestor), so that {@code
   * ./a.db} and {@code /abs/a.db} share one engine.
   */
  public String canonicalKey() {
    Path f = file;
    return f == null ? "mem:" + memoryName : "file:" + canonicalPath(f);
  }

  /** The real path of {@code p}, resolving as much of it as exists. */
  static Path canonicalPath(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      // Unreadable ancestor: the normalized absolute path is the best key there is.
      return abs;
    }
  }

  @Override
  public String toString() {
    return file == null ? "mem:" + memoryName : file.toString();
  }
}
