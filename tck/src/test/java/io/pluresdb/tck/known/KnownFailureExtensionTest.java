package io.pluresdb.tck.known;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list is enforced both ways: listed failures are tolerated, listed passes are not. */
class KnownFailureExtensionTest {

  @Test
  void listedTestThatFailsIsTolerated() {
    assertThat(
            KnownFailureExtension.verdict(
                "ExampleTest#listed", "example entry", new AssertionError("boom")))
        .isEmpty();
  }

  @Test
  void listedTestThatPassesFailsAndAsksForItsRemoval() {
    assertThat(KnownFailureExtension.verdict("ExampleTest#listed", "example entry", null))
        .hasValueSatisfying(
            t ->
                assertThat(t)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ExampleTest#listed passes")
                    .hasMessageContaining("remove it"));
  }

  @Test
  void listEntriesAreParsedByClassAndMethod() {
    KnownFailureList list = new KnownFailureList(java.util.Map.of("SqlStateTest#x", "reason"));
    assertThat(list.reason("SqlStateTest", "x")).contains("reason");
    assertThat(list.reason("SqlStateTest", "y")).isEmpty();
  }
}
