package io.pluresdb.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic editing trace shaped like the automerge-perf trace (one person writing a paper:
 * single character edits, about 70 % typed characters and 30 % deletions, mostly at a cursor that
 * moves now and then): seeded, so every run replays the same edits.
 */
final class EditTrace {
  /** One edit: delete {@code delete} characters at {@code pos}, then insert {@code insert}. */
  record Edit(int pos, int delete, String insert) {}

  private EditTrace() {}

  static List<Edit> generate(int count, long seed) {
    Random r = new Random(seed);
    List<Edit> edits = new ArrayList<>(count);
    int length = 0;
    int cursor = 0;
    while (edits.size() < count) {
      int roll = r.nextInt(100);
      if (roll < 2) {
        cursor = r.nextInt(length + 1);
      } else if (roll < 30 && cursor > 0) {
        edits.add(new Edit(--cursor, 1, ""));
        length--;
      } else {
        char c = roll < 45 ? ' ' : (char) ('a' + r.nextInt(26));
        edits.add(new Edit(cursor++, 0, String.valueOf(c)));
        length++;
      }
    }
    return edits;
  }
}
