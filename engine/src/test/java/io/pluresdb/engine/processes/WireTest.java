package io.pluresdb.engine.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireTest {
  @TempDir Path dir;

  @Test
  void everyCanonicalValueCrossesTheWireUnchanged() throws Exception {
    List<Object> values =
        Arrays.asList(
            null,
            true,
            42L,
            2.5,
            new BigDecimal("12.340"),
            "text ü",
            new byte[] {1, 2, 3},
            LocalDate.of(2024, 2, 29),
            LocalTime.of(13, 14, 15, 123_000_000),
            LocalDateTime.of(2024, 2, 29, 13, 14, 15),
            OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.UTC));
    Wire.Frame f = new Wire.Frame('E');
    Wire.writeValues(f, values);
    Wire.writeValue(f, new float[] {1f, -2.5f});
    Wire.writeValue(f, 7); // a JDBC Integer arrives as the canonical Long
    DataInputStream in = read(f);
    assertThat(in.read()).isEqualTo('E');
    assertThat(Wire.readValues(in)).containsExactly(values.toArray());
    assertThat((float[]) Wire.readValue(in)).containsExactly(1f, -2.5f);
    assertThat(Wire.readValue(in)).isEqualTo(7L);
  }

  @Test
  void anUnknownTagOrALengthPastTheFrameIsMalformed() {
    assertThatThrownBy(() -> Wire.readValue(stream(new byte[] {99})))
        .isInstanceOf(Wire.Malformed.class);
    assertThatThrownBy(() -> Wire.readValue(stream(new byte[] {5, 0x7f, 0, 0, 0, 'a'})))
        .isInstanceOf(Wire.Malformed.class);
    assertThatThrownBy(() -> Wire.readValues(stream(new byte[] {0, 0, 1, 0})))
        .isInstanceOf(Wire.Malformed.class);
    assertThatThrownBy(
            () -> Wire.readFrame(new ByteArrayInputStream(new byte[] {0x7f, -1, -1, -1, 0})))
        .isInstanceOf(Wire.Malformed.class);
  }

  @Test
  void theOwnersErrorComesBackWithItsStateAndSubclass() throws Exception {
    SQLException owner = new SQLIntegrityConstraintViolationException("duplicate key", "23505");
    DataInputStream in = read(Replies.failure(owner));
    assertThatThrownBy(() -> Replies.readResult(in))
        .isInstanceOf(SQLIntegrityConstraintViolationException.class)
        .hasMessage("duplicate key")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("23505");
    BatchUpdateException batch =
        new BatchUpdateException("batch item 2 failed", "23505", 0, new long[] {1}, owner);
    DataInputStream b = read(Replies.failure(batch));
    assertThatThrownBy(() -> Replies.readBatch(b))
        .isInstanceOfSatisfying(
            BatchUpdateException.class,
            e -> {
              assertThat(e.getLargeUpdateCounts()).containsExactly(1L);
              assertThat(e.getSQLState()).isEqualTo("23505");
            });
  }

  @Test
  void anUpdateCountComesBackWithItsGeneratedKeys() throws Exception {
    Cursor keys =
        new io.pluresdb.engine.api.ListCursor(
            List.of(
                new io.pluresdb.sql.read.ColumnMeta(
                    "id",
                    "id",
                    "t",
                    io.pluresdb.crdt.schema.ColumnType.BIGINT,
                    19,
                    0,
                    false,
                    true)),
            List.<Object[]>of(new Object[] {5L}, new Object[] {6L}));
    Result r = Replies.readResult(read(Replies.result(new Result.Count(2, keys))));
    assertThat(r).isInstanceOf(Result.Count.class);
    Result.Count c = (Result.Count) r;
    assertThat(c.count()).isEqualTo(2);
    assertThat(c.generatedKeys().columns().get(0).label()).isEqualTo("id");
    assertThat(c.generatedKeys().next()).isTrue();
    assertThat(c.generatedKeys().get(1)).isEqualTo(5L);
    assertThat(c.generatedKeys().next()).isTrue();
    assertThat(c.generatedKeys().get(1)).isEqualTo(6L);
    assertThat(c.generatedKeys().next()).isFalse();
  }

  @Test
  void aLockNoteIsReadBackAndAnythingElseIsNoNote() throws Exception {
    LockNote note = LockNote.fresh(4242);
    Path file = dir.resolve("db.lock");
    Files.writeString(file, note.format(), StandardCharsets.UTF_8);
    LockNote back = java.util.Objects.requireNonNull(LockNote.read(file));
    assertThat(back.port()).isEqualTo(4242);
    assertThat(back.secret()).isEqualTo(note.secret());
    Files.writeString(file, "", StandardCharsets.UTF_8);
    assertThat(LockNote.read(file)).as("an owner still opening").isNull();
    Files.writeString(file, "pluresdb-owner 1\nport=80\nsecret=zz\n", StandardCharsets.UTF_8);
    assertThat(LockNote.read(file)).isNull();
    assertThat(LockNote.read(dir.resolve("missing.lock"))).isNull();
  }

  private static DataInputStream read(Wire.Frame f) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    f.send(out);
    return java.util.Objects.requireNonNull(
        Wire.readFrame(new ByteArrayInputStream(out.toByteArray())));
  }

  private static DataInputStream stream(byte[] bytes) {
    return new DataInputStream(new ByteArrayInputStream(bytes));
  }
}
