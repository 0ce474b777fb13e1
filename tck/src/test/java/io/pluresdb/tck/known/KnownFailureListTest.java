package io.pluresdb.tck.known;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Keeps the list honest: an entry whose test no longer exists would never be checked. */
class KnownFailureListTest {

  @Test
  void everyEntryNamesAnExistingTestMethod() {
    for (String key : KnownFailureList.get().entries().keySet()) {
      String[] parts = key.split("#", 2);
      Class<?> type = find(parts[0]);
      assertThat(Arrays.stream(type.getDeclaredMethods()).map(m -> m.getName()))
          .as("test method named by %s in %s", key, KnownFailureList.RESOURCE)
          .contains(parts[1]);
    }
  }

  private static Class<?> find(String simpleName) {
    for (String pkg : new String[] {"io.pluresdb.tck.jdbc", "io.pluresdb.tck.slt"}) {
      try {
        return Class.forName(pkg + "." + simpleName);
      } catch (ClassNotFoundException e) {
        // try the next feature package
      }
    }
    throw new AssertionError(
        "no test class "
            + simpleName
            + " in the tck packages, named in "
            + KnownFailureList.RESOURCE);
  }
}
