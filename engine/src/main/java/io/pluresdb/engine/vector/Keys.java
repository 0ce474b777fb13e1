package io.pluresdb.engine.vector;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Entity keys as map keys: byte arrays (the hidden id) compare by content through hex text. */
final class Keys {
  private Keys() {}

  static Object of(Object[] key) {
    List<Object> parts = new ArrayList<>(key.length);
    for (Object k : key) {
      parts.add(k instanceof byte[] b ? "x" + HexFormat.of().formatHex(b) : k);
    }
    return parts;
  }
}
