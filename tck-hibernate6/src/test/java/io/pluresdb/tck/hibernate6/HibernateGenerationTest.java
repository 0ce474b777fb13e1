package io.pluresdb.tck.hibernate6;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TimeZone;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;

/**
 * The tests beside this one run on Hibernate 6.6, not on the 7 the rest of the build uses, and in a
 * zone other than UTC.
 */
class HibernateGenerationTest {
  @Test
  void theClassPathHoldsHibernateSixSix() {
    assertThat(Version.getVersionString()).startsWith("6.6.");
  }

  /** The zone the build sets, so that HqlDatesTest's local times are not UTC's here. */
  @Test
  void runsInAZoneOtherThanUtc() {
    assertThat(TimeZone.getDefault().getRawOffset()).isEqualTo((5 * 60 + 30) * 60 * 1000);
  }
}
