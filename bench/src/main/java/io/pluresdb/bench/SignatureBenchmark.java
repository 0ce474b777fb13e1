package io.pluresdb.bench;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.op.OpEncoder;
import io.pluresdb.crdt.op.OpKind;
import io.pluresdb.crdt.op.Operation;
import io.pluresdb.crdt.op.ReceivedTx;
import io.pluresdb.crdt.sign.Ed25519;
import io.pluresdb.crdt.sign.NodeKey;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What signing adds to one single-row transaction record, side by side with the record unsigned:
 * {@code finishUnsigned}/{@code finishSigned} (a local commit's encoding, version 3 and 4), {@code
 * decode} (what a receiver does either way) and {@code verify} (what it adds for a signed record,
 * outside the writer). {@link SyncLatencyBenchmark} and {@link RemoteApplyBenchmark} exercise the
 * same costs end to end. The score is microseconds per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBenchmark {
  private final NodeKey key = NodeKey.generate();
  private final OpEncoder encoder = new OpEncoder();
  private ReceivedTx signed;

  @Setup
  public void encodeOne() {
    row();
    signed = ReceivedTx.decode(encoder.finishSigned(null, key, false, null));
  }

  private void row() {
    long node = key.fingerprint();
    OpId tx = OpId.of(1_700_000_000_000L, 0, node);
    encoder.begin(tx);
    encoder.add(
        new Operation(
            OpId.of(tx.millis(), 1, node),
            OpKind.INSERT,
            "album",
            new Object[] {42L},
            new String[] {"id", "name", "year"},
            new Object[] {42L, "Kind of Blue", 1959L},
            List.of(),
            null));
  }

  @Benchmark
  public byte[] finishUnsigned() {
    row();
    return encoder.finish(null);
  }

  @Benchmark
  public byte[] finishSigned() {
    row();
    return encoder.finishSigned(null, key, false, null);
  }

  @Benchmark
  public ReceivedTx decode() {
    return ReceivedTx.decode(signed.record());
  }

  @Benchmark
  public boolean verify() {
    int n = signed.auth().signedLength();
    return Ed25519.verify(key.publicKey(), signed.record(), n, signed.record(), n);
  }
}
