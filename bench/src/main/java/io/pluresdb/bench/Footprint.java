package io.pluresdb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's memory at one moment: heap in use after a full collection, and resident memory
 * (Linux {@code VmRSS}; -1 elsewhere). Two of them, around connecting N clients, give the memory
 * per session.
 */
record Footprint(long heapBytes, long residentBytes) {
  static Footprint now() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      Runtime.getRuntime().gc();
      Thread.sleep(200);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    return new Footprint(heap, resident());
  }

  private static long resident() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Bytes per item of what {@code later} holds beyond this, as "heap B, resident B". */
  String perItem(Footprint later, int items) {
    long heap = (later.heapBytes - heapBytes) / items;
    long rss = residentBytes < 0 ? -1 : (later.residentBytes - residentBytes) / items;
    return String.format(java.util.Locale.ROOT, "heap %,d B, resident %,d B", heap, rss);
  }
}
