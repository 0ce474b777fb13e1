package io.pluresdb.engine.processes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Asks the OS whether any process holds a database's lock file, by taking the lock and letting it
 * go at once. The OS drops a process's locks when it dies, {@code kill -9} included, so a free lock
 * means the owner is gone.
 *
 * <p>Stateless. Never call it in a process that holds the lock itself: closing the probe's channel
 * would release that lock (POSIX locks belong to the process, not the channel).
 */
final class LockProbe {
  private LockProbe() {}

  static boolean free(Path lockFile) {
    try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException | IOException e) {
      return false; // held in this JVM, or unreadable: not ours to take
    }
  }
}
