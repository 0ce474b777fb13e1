package io.pluresdb.sql.shape;

import org.jspecify.annotations.Nullable;

/** The bytes of a blob literal's hexadecimal digits ({@code X'…'}). */
final class Hex {
  private Hex() {}

  /** The bytes {@code hex} spells, or null when it is not an even run of hexadecimal digits. */
  static byte @Nullable [] bytes(String hex) {
    if (hex.length() % 2 != 0) {
      return null;
    }
    byte[] bytes = new byte[hex.length() / 2];
    for (int b = 0; b < bytes.length; b++) {
      int hi = Character.digit(hex.charAt(2 * b), 16);
      int lo = Character.digit(hex.charAt(2 * b + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes[b] = (byte) (hi << 4 | lo);
    }
    return bytes;
  }
}
