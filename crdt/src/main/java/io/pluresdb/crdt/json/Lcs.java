package io.pluresdb.crdt.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A longest common subsequence of two stretches of array items, by the textbook dynamic program
 * (small stretches only: arrays edited a few elements at a time).
 *
 * <p>Stateless.
 */
final class Lcs {
  private Lcs() {}

  /**
   * The pairs (old index, new index) of equal items of {@code o[os, oe)} and {@code n[ns, ne)} on a
   * longest common subsequence, in order; none when the table would exceed {@code maxCells}.
   */
  static int[][] anchors(List<?> o, List<?> n, int os, int oe, int ns, int ne, long maxCells) {
    int a = oe - os;
    int b = ne - ns;
    if (a == 0 || b == 0 || (long) (a + 1) * (b + 1) > maxCells) {
      return new int[0][];
    }
    int[][] len = new int[a + 1][b + 1];
    for (int i = a - 1; i >= 0; i--) {
      for (int j = b - 1; j >= 0; j--) {
        len[i][j] =
            o.get(os + i).equals(n.get(ns + j))
                ? len[i + 1][j + 1] + 1
                : Math.max(len[i + 1][j], len[i][j + 1]);
      }
    }
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a && j < b) {
      if (o.get(os + i).equals(n.get(ns + j))) {
        out.add(new int[] {os + i, ns + j});
        i++;
        j++;
      } else if (len[i + 1][j] >= len[i][j + 1]) {
        i++;
      } else {
        j++;
      }
    }
    return out.toArray(new int[0][]);
  }
}
