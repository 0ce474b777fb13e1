package io.pluresdb.bench;

import io.pluresdb.crdt.sign.Ed25519;
import io.pluresdb.crdt.sign.NodeKey;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What authorship costs per transaction record, in microseconds: a local commit signs its record
 * once ({@code sign}), every node that receives it verifies it once before applying or relaying
 * ({@code verify}). Ed25519 hashes the record with SHA-512, so the cost is a fixed curve part plus
 * a small per-byte part: {@code bytes} 60 is a one-row transaction, 30,000 one of about a thousand
 * rows. {@link RemoteApplyBenchmark} and {@link SyncLatencyBenchmark} include the same costs end to
 * end (every record they write is signed and verified).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {
  @Param({"60", "30000"})
  public int bytes;

  private NodeKey key;
  private byte[] publicKey;
  private byte[] record;
  private byte[] signature;

  @Setup
  public void makeRecord() {
    key = NodeKey.generate();
    publicKey = key.publicKey();
    record = new byte[bytes];
    new SplittableRandom(bytes).nextBytes(record);
    signature = key.sign(record, record.length);
  }

  @Benchmark
  public byte[] sign() {
    return key.sign(record, record.length);
  }

  @Benchmark
  public boolean verify() {
    boolean ok = Ed25519.verify(publicKey, record, record.length, signature, 0);
    if (!ok) {
      throw new IllegalStateException("a valid signature did not verify");
    }
    return ok;
  }
}
