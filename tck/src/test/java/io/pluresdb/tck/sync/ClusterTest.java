package io.pluresdb.tck.sync;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A test with a fresh {@link Cluster} in its own directory, closed after it. */
@Timeout(600)
abstract class ClusterTest {
  @TempDir Path dir;
  Cluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new Cluster(dir);
  }

  @AfterEach
  void stopCluster() throws Exception {
    cluster.close();
  }
}
