package io.pluresdb.vector;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;

/**
 * An index saved to a file together with the position it is current to: {@code magic, format,
 * position, metric, dimensions, m, ef_construction, graph length, graph, CRC-32 of all before}. A
 * file is written beside its target and moved over it, and read back only when its checksum and
 * shape match; anything else (a torn write, another shape, another format) fails with {@link
 * IOException}, and the caller rebuilds from the data instead of trusting it.
 *
 * <p>Stateless and thread-safe; callers serialize writes to one path.
 */
public final class IndexFile {
  private static final long MAGIC = 0x504c_484e_5357_3031L; // "PLHNSW01"
  private static final int FORMAT = 1;

  private IndexFile() {}

  /** An index read back, and the position (such as a log sequence) saved with it. */
  public record Loaded(AnnIndex index, long position) {}

  /** Saves {@code index} as current to {@code position}, replacing the file atomically. */
  public static void save(AnnIndex index, long position, Path file) throws IOException {
    ByteArrayOutputStream graph = new ByteArrayOutputStream(Math.max(1024, index.size() * 64));
    index.writeTo(graph);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      CRC32 crc = new CRC32();
      try (FileOutputStream fos = new FileOutputStream(tmp.toFile());
          BufferedOutputStream raw = new BufferedOutputStream(fos, 1 << 16);
          DataOutputStream out = new DataOutputStream(new Checksummed(raw, crc))) {
        IndexSpec s = index.spec();
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(position);
        out.writeUTF(s.metric().name());
        out.writeInt(s.dimensions());
        out.writeInt(s.m());
        out.writeInt(s.efConstruction());
        out.writeLong(graph.size());
        graph.writeTo(out);
        out.flush();
        DataOutputStream trailer = new DataOutputStream(raw);
        trailer.writeLong(crc.getValue());
        trailer.flush();
        // on disk before the move makes it the index file, so a crash leaves old or new, never torn
        fos.getFD().sync();
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Reads a saved index, which must have the shape {@code expected}. */
  public static Loaded load(Path file, IndexSpec expected) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8 + 8) {
      throw new IOException(file + " is truncated");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
    in.skipNBytes(all.length - 8);
    if (in.readLong() != crc.getValue()) {
      throw new IOException(file + " fails its checksum (torn or damaged)");
    }
    in = new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8));
    if (in.readLong() != MAGIC || in.readInt() != FORMAT) {
      throw new IOException(file + " is not an index file of this format");
    }
    long position = in.readLong();
    IndexSpec spec =
        new IndexSpec(Metric.valueOf(in.readUTF()), in.readInt(), in.readInt(), in.readInt());
    if (!spec.equals(expected)) {
      throw new IOException(file + " holds an index of shape " + spec + ", not " + expected);
    }
    long length = in.readLong();
    if (length != in.available()) {
      throw new IOException(file + " has a graph of the wrong length");
    }
    return new Loaded(AnnIndex.readFrom(spec, in), position);
  }

  /** Feeds every byte written through it to a checksum. */
  private static final class Checksummed extends java.io.FilterOutputStream {
    private final CRC32 crc;

    Checksummed(OutputStream out, CRC32 crc) {
      super(out);
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      crc.update(b, off, len);
    }
  }
}
