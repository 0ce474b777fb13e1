package io.pluresdb.crdt.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.crdt.clock.OpId;
import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.crdt.schema.IndexDef;
import io.pluresdb.crdt.schema.SchemaChange;
import io.pluresdb.crdt.schema.TableDef;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TxCodecTest {
  private static final long NODE = 0x123456789ABCL;

  @Test
  void roundTripsEveryValueTypeAndSchemaChange() {
    OpId tx = OpId.of(1_700_000_000_000L, 0, NODE);
    Object[] values = {
      null,
      true,
      false,
      -5L,
      Long.MAX_VALUE,
      2.5,
      new BigDecimal("-12.3400"),
      "héllo",
      new byte[] {1, 2},
      LocalDate.of(2024, 2, 29),
      LocalTime.of(23, 59, 1, 5),
      LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123),
      OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 9, ZoneOffset.UTC),
      new float[] {1f, -0.5f}
    };
    String[] cols = new String[values.length];
    Arrays.setAll(cols, i -> "c" + i);
    TableDef t =
        new TableDef(
            "t",
            List.of(ColumnDef.of("a", ColumnType.VECTOR)),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Transaction in =
        new Transaction(
            tx,
            OpId.of(1_699_000_000_000L, 3, NODE),
            List.of(
                Operation.schema(
                    OpId.of(1_700_000_000_000L, 1, NODE), new SchemaChange.CreateTable(t)),
                Operation.schema(
                    OpId.of(1_700_000_000_000L, 2, NODE),
                    new SchemaChange.CreateIndex(
                        new IndexDef("i", "t", List.of("a"), false, "hnsw", Map.of("m", "16")))),
                new Operation(
                    OpId.of(1_700_000_000_005L, 0, NODE),
                    OpKind.INSERT,
                    "t",
                    new Object[] {7L},
                    cols,
                    values,
                    List.of(OpId.of(5, 6, 7)),
                    null),
                new Operation(
                    OpId.of(1_700_000_000_005L, 1, NODE),
                    OpKind.DELETE,
                    "t",
                    new Object[] {7L},
                    new String[0],
                    new Object[0],
                    List.of(),
                    null)));
    Transaction out = TxCodec.decode(TxCodec.encode(in));
    assertThat(out).isEqualTo(in);
  }

  @Test
  void repeatedNamesAndIdsCostFewBytes() {
    OpId tx = OpId.of(1_700_000_000_000L, 0, NODE);
    List<Operation> ops = new java.util.ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      ops.add(
          new Operation(
              OpId.of(1_700_000_000_000L, i, NODE),
              OpKind.INSERT,
              "album",
              new Object[] {(long) i},
              new String[] {"id", "year"},
              new Object[] {(long) i, 1999L},
              List.of(),
              null));
    }
    byte[] record = TxCodec.encode(new Transaction(tx, null, ops));
    // kind, id delta, table ref, key, two columns of name ref + tagged value, no precursors:
    // about 18 bytes, where the names alone would take 12 and a full id 16
    assertThat(record.length).isLessThan(1000 * 20);
  }

  @Test
  void aBatchOfInsertsWritesItsShapeOnceAndRefersToKeyValues() {
    OpId tx = OpId.of(1_700_000_000_000L, 0, NODE);
    String[] columns = {"id", "name", "year"};
    List<Operation> ops = new java.util.ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      Object[] values = {(long) i, "n", 1999L};
      ops.add(
          new Operation(
              OpId.of(1_700_000_000_000L, i, NODE),
              OpKind.INSERT,
              "album",
              new Object[] {values[0]},
              columns,
              values,
              List.of(),
              null));
    }
    ops.add(
        new Operation(
            OpId.of(1_700_000_000_001L, 0, NODE),
            OpKind.UPDATE,
            "album",
            new Object[] {7L},
            new String[] {"year"},
            new Object[] {2000L},
            List.of(tx),
            null));
    ops.add(
        new Operation(
            OpId.of(1_700_000_000_001L, 1, NODE),
            OpKind.INSERT,
            "album",
            new Object[] {9L},
            columns,
            new Object[] {8L, "m", 9L},
            List.of(),
            null));
    Transaction in = new Transaction(tx, null, ops);
    byte[] record = TxCodec.encode(in);
    assertThat(TxCodec.decode(record)).isEqualTo(in);
    // per insert: the kind with flags (the next id, no precursors), key count and reference, the
    // id (2-3), "n" (3), 1999 (3): 12 bytes; with the id delta, table, column names, key value
    // and precursor count written out it would be 21
    assertThat(record.length).isLessThan(1000 * 13);
  }

  @Test
  void aRepeatedShapeWithoutAnEarlierOneIsRejected() {
    OpId tx = OpId.of(1_700_000_000_000L, 0, NODE);
    byte[] record =
        TxCodec.encode(
            new Transaction(
                tx,
                null,
                List.of(
                    new Operation(
                        OpId.of(1_700_000_000_000L, 1, NODE),
                        OpKind.DELETE,
                        "t",
                        new Object[] {1L},
                        new String[0],
                        new Object[0],
                        List.of(),
                        null))));
    // the operation starts right after version, id, prev flag and count
    record[1 + 16 + 1 + 1] |= (byte) 0x80;
    assertThatThrownBy(() -> TxCodec.decode(record))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shape");
  }

  @Property(tries = 200)
  void writesOfMixedShapesRoundTrip(@ForAll("mixedShapes") Transaction tx) {
    assertThat(TxCodec.decode(TxCodec.encode(tx))).isEqualTo(tx);
  }

  @Provide
  Arbitrary<Transaction> mixedShapes() {
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            Arbitraries.longs().between(0, 3).map(Object.class::cast),
            Arbitraries.of("x", "y").map(Object.class::cast),
            Arbitraries.just(new byte[] {1}),
            Arbitraries.just(null));
    Arbitrary<Operation> op =
        Combinators.combine(
                Arbitraries.of(OpKind.INSERT, OpKind.UPDATE, OpKind.DELETE),
                Arbitraries.of("a", "b"),
                Arbitraries.of("p", "q", "r").list().ofMaxSize(3),
                value.list().ofSize(3),
                value.list().ofMinSize(1).ofMaxSize(2))
            .as(
                (kind, table, cols, vals, key) ->
                    new Operation(
                        OpId.of(1, 0, NODE),
                        kind,
                        table,
                        key.toArray(),
                        cols.toArray(new String[0]),
                        vals.subList(0, cols.size()).toArray(),
                        List.of(),
                        null));
    return op.list()
        .ofMaxSize(12)
        .map(
            list -> {
              OpId txId = OpId.of(1_700_000_000_000L, 0, NODE);
              List<Operation> ops = new java.util.ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                Operation o = list.get(i);
                Object[] key = o.key().clone();
                if (o.values().length > 0 && i % 2 == 0) {
                  key[0] = o.values()[o.values().length - 1];
                }
                ops.add(
                    new Operation(
                        OpId.of(1_700_000_000_000L, i + 1, NODE),
                        o.kind(),
                        o.table(),
                        key,
                        o.columns(),
                        o.values(),
                        List.of(),
                        null));
              }
              return new Transaction(txId, null, ops);
            });
  }

  @Test
  void truncatedRecordsAreRejected() {
    OpId tx = OpId.of(1_700_000_000_000L, 0, NODE);
    byte[] record =
        TxCodec.encode(
            new Transaction(
                tx,
                null,
                List.of(
                    new Operation(
                        OpId.of(1_700_000_000_000L, 1, NODE),
                        OpKind.INSERT,
                        "t",
                        new Object[] {"k"},
                        new String[] {"v"},
                        new Object[] {"value"},
                        List.of(),
                        null))));
    assertThatThrownBy(() -> TxCodec.decode(Arrays.copyOf(record, record.length - 3)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 300)
  void garbageIsRejectedAsMalformed(@ForAll byte[] garbage) {
    byte[] record = new byte[garbage.length + 1];
    record[0] = 1;
    System.arraycopy(garbage, 0, record, 1, garbage.length);
    try {
      TxCodec.decode(record);
    } catch (IllegalArgumentException expected) {
      // the only way a record may be refused
    }
  }

  @Property(tries = 200)
  void anyTransactionRoundTrips(@ForAll("transactions") Transaction tx) {
    assertThat(TxCodec.decode(TxCodec.encode(tx))).isEqualTo(tx);
  }

  @Provide
  Arbitrary<Transaction> transactions() {
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
            Arbitraries.doubles().map(Object.class::cast),
            Arbitraries.just(null));
    Arbitrary<long[]> steps =
        Arbitraries.longs().between(0, 3).array(long[].class).ofMinSize(0).ofMaxSize(20);
    return steps.flatMap(
        st ->
            value
                .list()
                .ofSize(st.length)
                .flatMap(
                    vals ->
                        Arbitraries.of("a", "b", "c")
                            .list()
                            .ofSize(st.length)
                            .map(
                                tables -> {
                                  long ms = 1_700_000_000_000L;
                                  long c = 0;
                                  OpId txId = OpId.of(ms, c, NODE);
                                  List<Operation> ops = new java.util.ArrayList<>();
                                  for (int i = 0; i < st.length; i++) {
                                    if (st[i] == 0) {
                                      c++;
                                    } else {
                                      ms += st[i];
                                      c = st[i];
                                    }
                                    ops.add(
                                        new Operation(
                                            OpId.of(ms, c, NODE),
                                            OpKind.UPDATE,
                                            tables.get(i),
                                            new Object[] {(long) i},
                                            new String[] {tables.get(i)},
                                            new Object[] {vals.get(i)},
                                            List.of(txId),
                                            null));
                                  }
                                  return new Transaction(txId, null, ops);
                                })));
  }

  private static Operation update(OpId id, List<OpId> precursors) {
    return new Operation(
        id,
        OpKind.UPDATE,
        "album",
        new Object[] {7L},
        new String[] {"year"},
        new Object[] {2000L},
        precursors,
        null);
  }

  @Test
  void idsOfTheTransactionsOwnNodeAreWrittenAsShortDeltas() {
    OpId prev = OpId.of(1_700_000_000_000L, 5, NODE);
    OpId insert = OpId.of(1_699_999_000_000L, 70_000, NODE);
    OpId tx = OpId.of(1_700_000_000_000L, 9, NODE);
    Transaction local =
        new Transaction(
            tx, prev, List.of(update(OpId.of(1_700_000_000_000L, 10, NODE), List.of(insert))));
    byte[] record = TxCodec.encode(local);
    assertThat(TxCodec.decode(record)).isEqualTo(local);

    OpId foreign = OpId.of(1_699_999_000_000L, 3, 0x42L);
    Transaction mixed =
        new Transaction(
            tx,
            prev,
            List.of(update(OpId.of(1_700_000_000_000L, 10, NODE), List.of(insert, foreign))));
    byte[] mixedRecord = TxCodec.encode(mixed);
    assertThat(TxCodec.decode(mixedRecord)).isEqualTo(mixed);
    // prev and a precursor of the same node take a few bytes each instead of 16
    assertThat(mixedRecord.length - record.length).isEqualTo(16 + 16 - deltaBytes(insert));
    ByteSink kv = new ByteSink(16);
    ValueCodec.write(kv, 7L);
    ValueCodec.write(kv, 2000L);
    // version, tx id, prev flag and delta (0 ms, 4 back), op count, flags (the op id is next),
    // "album" and "year" with their refs and the column count, key count, key and value, precursor
    // count and delta (1,000,000 ms and counter 70,000: three bytes each)
    assertThat(record.length)
        .isEqualTo(1 + 16 + 1 + 2 + 1 + 1 + 7 + 1 + 6 + 1 + kv.size() + 1 + deltaBytes(insert));
    assertThat(deltaBytes(insert)).isEqualTo(6);
  }

  private static int deltaBytes(OpId earlier) {
    ByteSink s = new ByteSink(16);
    OpEncoder.writeEarlier(s, OpId.of(1_700_000_000_000L, 10, NODE), earlier);
    return s.size();
  }

  @Test
  void recordsOfVersionTwoStillDecode() {
    OpId tx = OpId.of(1_700_000_000_000L, 9, NODE);
    OpId foreign = OpId.of(1_699_999_000_000L, 3, 0x42L);
    // a record with no ids of its own node to shorten is laid out as in version 2
    Transaction t =
        new Transaction(
            tx, null, List.of(update(OpId.of(1_700_000_000_000L, 10, NODE), List.of(foreign))));
    byte[] record = TxCodec.encode(t);
    record[0] = OpEncoder.VERSION_2;
    assertThat(TxCodec.decode(record)).isEqualTo(t);

    byte[] local =
        TxCodec.encode(
            new Transaction(
                tx,
                OpId.of(1_700_000_000_000L, 5, NODE),
                List.of(update(OpId.of(1_700_000_000_000L, 10, NODE), List.of()))));
    local[0] = OpEncoder.VERSION_2;
    assertThatThrownBy(() -> TxCodec.decode(local)).hasMessageContaining("unknown prev flag 2");
  }

  @Test
  void aDeltaReachingBeforeTheEpochOrAboveItsBaseIsMalformed() {
    OpId tx = OpId.of(1_000L, 9, NODE);
    byte[] record = TxCodec.encode(new Transaction(tx, OpId.of(1_000L, 5, NODE), List.of()));
    // header: version, id, prev flag, then the delta: 0 ms and counter back by 4
    assertThat(record[17]).isEqualTo((byte) OpEncoder.PREV_DELTA);
    record[18] = 0;
    record[19] = 10;
    assertThatThrownBy(() -> TxCodec.decode(record)).hasMessageContaining("counter delta 10");
    record[18] = (byte) 0xE9;
    record[19] = 0x07; // 1001 ms back from 1000
    assertThatThrownBy(() -> TxCodec.decode(record)).hasMessageContaining("1001 ms before");
  }
}
