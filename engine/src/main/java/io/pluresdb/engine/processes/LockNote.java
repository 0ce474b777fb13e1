package io.pluresdb.engine.processes;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * What an owner writes in its lock file: the loopback port where it takes forwarded statements, and
 * the secret a follower must present first. The file is readable by the owner's user only, so only
 * processes of that user can forward writes.
 *
 * @param port the loopback TCP port of the owner's endpoint
 * @param secret 32 random bytes
 */
record LockNote(int port, byte[] secret) {
  private static final String MAGIC = "pluresdb-owner 1";
  static final int SECRET_BYTES = 32;

  /** A note for an endpoint on {@code port}, with a fresh secret. */
  static LockNote fresh(int port) {
    byte[] secret = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(secret);
    return new LockNote(port, secret);
  }

  String format() {
    return MAGIC + "\nport=" + port + "\nsecret=" + HexFormat.of().formatHex(secret) + "\n";
  }

  /**
   * The note in {@code lockFile}, or null while there is none (the owner is still opening, or the
   * file holds something else). Never call it in a process that holds the lock: closing the file
   * read here would release a POSIX lock the process holds on it.
   */
  static @Nullable LockNote read(Path lockFile) throws IOException {
    String text;
    try {
      text = Files.readString(lockFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
    String[] lines = text.split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(MAGIC)) {
      return null;
    }
    try {
      int port = Integer.parseInt(value(lines[1], "port="));
      byte[] secret = HexFormat.of().parseHex(value(lines[2], "secret="));
      return secret.length == SECRET_BYTES && port > 0 && port < 65536
          ? new LockNote(port, secret)
          : null;
    } catch (IllegalArgumentException e) {
      return null; // a note being rewritten, read half way
    }
  }

  /** {@link #read}, with a file that cannot be read failing as 08001. */
  static @Nullable LockNote readOrFail(Path lockFile, Object database) throws SQLException {
    try {
      return read(lockFile);
    } catch (IOException e) {
      throw Errors.of(
          SqlState.CLIENT_UNABLE_TO_CONNECT,
          "cannot read the lock file of database " + database + ": " + e,
          e);
    }
  }

  private static String value(String line, String prefix) {
    if (!line.startsWith(prefix)) {
      throw new IllegalArgumentException("expected " + prefix);
    }
    return line.substring(prefix.length());
  }
}
