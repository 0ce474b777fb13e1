package io.pluresdb.vector;

import com.github.jelmerk.hnswlib.core.Item;
import com.github.jelmerk.hnswlib.core.ObjectSerializer;
import com.github.jelmerk.hnswlib.core.SearchResult;
import com.github.jelmerk.hnswlib.core.hnsw.HnswIndex;
import com.github.jelmerk.hnswlib.core.hnsw.SizeLimitExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An approximate nearest-neighbour index of vectors identified by {@code long} ids: a Hierarchical
 * Navigable Small World graph (Yu. A. Malkov and D. A. Yashunin, "Efficient and robust approximate
 * nearest neighbor search using Hierarchical Navigable Small World graphs", IEEE TPAMI 42(4), 2020,
 * arXiv:1603.09320) as implemented by hnswlib-core.
 *
 * <p>Searches take their own {@code ef} (the paper's candidate list size) per call: the graph's
 * shared {@code ef} is fixed at 1 and a search asks hnswlib for {@code max(ef, k)} neighbours,
 * which runs exactly the search with that list size and returns the whole list. That keeps one
 * session's {@code ef_search} from leaking into another's, and the extra candidates are free (the
 * planner uses them to refill a filtered top-k).
 *
 * <p>Thread-safe. hnswlib-core lets additions, removals and searches run concurrently; growing the
 * graph's capacity replaces its node array, so it takes the write side of a lock that every other
 * call holds for reading.
 */
public final class AnnIndex {
  private static final int INITIAL_CAPACITY = 1024;

  private final IndexSpec spec;
  private final HnswIndex<Long, float[], VectorItem, Float> graph;
  private final ReadWriteLock resizing = new ReentrantReadWriteLock();

  private AnnIndex(IndexSpec spec, HnswIndex<Long, float[], VectorItem, Float> graph) {
    this.spec = spec;
    this.graph = graph;
  }

  /** An empty index of that shape, with room for {@code capacity} vectors before it grows. */
  public static AnnIndex create(IndexSpec spec, int capacity) {
    HnswIndex<Long, float[], VectorItem, Float> graph =
        HnswIndex.newBuilder(
                spec.dimensions(),
                spec.metric().hnswFunction(),
                Math.max(INITIAL_CAPACITY, capacity))
            .withM(spec.m())
            .withEfConstruction(spec.efConstruction())
            .withEf(1)
            .withRemoveEnabled()
            .withCustomSerializers(new IdSerializer(), new ItemSerializer())
            .build();
    return new AnnIndex(spec, graph);
  }

  public IndexSpec spec() {
    return spec;
  }

  /** Number of vectors in the index. */
  public int size() {
    return graph.size();
  }

  /** True when the index holds a vector under {@code id}. */
  public boolean contains(long id) {
    return graph.contains(id);
  }

  /** The ids of every vector in the index. */
  public List<Long> ids() {
    Collection<VectorItem> items = graph.items();
    List<Long> ids = new ArrayList<>(items.size());
    for (VectorItem item : items) {
      ids.add(item.id());
    }
    return ids;
  }

  /** Adds a vector, or replaces the one held under {@code id}. */
  public void put(long id, float[] vector) {
    checkDimensions(vector);
    VectorItem item = new VectorItem(id, vector.clone());
    while (true) {
      resizing.readLock().lock();
      try {
        graph.add(item);
        return;
      } catch (SizeLimitExceededException full) {
        // grow below, outside the read lock
      } finally {
        resizing.readLock().unlock();
      }
      grow(graph.getMaxItemCount() + 1);
    }
  }

  /**
   * Adds many vectors using {@code threads} threads (a bulk build); each element is {@code id} and
   * vector. Blocks until done.
   */
  public void putAll(List<Long> ids, List<float[]> vectors, int threads)
      throws InterruptedException {
    List<VectorItem> items = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      checkDimensions(vectors.get(i));
      items.add(new VectorItem(ids.get(i), vectors.get(i)));
    }
    int needed = graph.size() + items.size();
    if (needed > graph.getMaxItemCount()) {
      grow(needed);
    }
    resizing.readLock().lock();
    try {
      graph.addAll(items, Math.max(1, threads), (done, max) -> {}, Integer.MAX_VALUE);
    } finally {
      resizing.readLock().unlock();
    }
  }

  /** Removes the vector held under {@code id}; true when there was one. */
  public boolean remove(long id) {
    resizing.readLock().lock();
    try {
      return graph.remove(id, 0);
    } finally {
      resizing.readLock().unlock();
    }
  }

  /**
   * The approximately nearest vectors to {@code query}, nearest first: up to {@code max(k, ef)} of
   * them, found with a candidate list of that size.
   */
  public List<Neighbor> search(float[] query, int k, int ef) {
    checkDimensions(query);
    int n = Math.max(1, Math.max(k, ef));
    List<SearchResult<VectorItem, Float>> found;
    resizing.readLock().lock();
    try {
      found = graph.findNearest(query, n);
    } finally {
      resizing.readLock().unlock();
    }
    List<Neighbor> out = new ArrayList<>(found.size());
    for (SearchResult<VectorItem, Float> r : found) {
      out.add(new Neighbor(r.item().id(), r.distance()));
    }
    return out;
  }

  /** A search result: a vector's id and its distance to the query. */
  public record Neighbor(long id, float distance) {}

  /** Writes the graph in hnswlib-core's format (see {@link IndexFile} for the file around it). */
  void writeTo(OutputStream out) throws IOException {
    resizing.writeLock().lock();
    try {
      graph.save(out);
    } finally {
      resizing.writeLock().unlock();
    }
  }

  /** Reads a graph written by {@link #writeTo}. */
  static AnnIndex readFrom(IndexSpec spec, InputStream in) throws IOException {
    HnswIndex<Long, float[], VectorItem, Float> graph =
        HnswIndex.load(in, AnnIndex.class.getClassLoader());
    if (graph.getDimensions() != spec.dimensions()
        || graph.getM() != spec.m()
        || graph.getEfConstruction() != spec.efConstruction()) {
      throw new IOException("the stored graph does not have the shape " + spec);
    }
    return new AnnIndex(spec, graph);
  }

  /** Raises the graph's capacity to at least {@code atLeast}, doubling it at the least. */
  private void grow(int atLeast) {
    resizing.writeLock().lock();
    try {
      int current = graph.getMaxItemCount();
      if (current < atLeast) {
        graph.resize(Math.max(current * 2, atLeast));
      }
    } finally {
      resizing.writeLock().unlock();
    }
  }

  private void checkDimensions(float[] v) {
    if (v.length != spec.dimensions()) {
      throw new VectorException(
          VectorException.Reason.DIMENSIONS,
          "the index holds vectors of " + spec.dimensions() + " dimensions, got " + v.length);
    }
  }

  /** One indexed vector. Immutable. */
  record VectorItem(Long id, float[] vector) implements Item<Long, float[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public int dimensions() {
      return vector.length;
    }
  }

  /** Writes ids as 8 bytes rather than as serialized {@link Long} objects. */
  private static final class IdSerializer implements ObjectSerializer<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(Long id, ObjectOutput out) throws IOException {
      out.writeLong(id);
    }

    @Override
    public Long read(ObjectInput in) throws IOException {
      return in.readLong();
    }
  }

  /** Writes items as id, dimension and raw floats. */
  private static final class ItemSerializer implements ObjectSerializer<VectorItem> {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(VectorItem item, ObjectOutput out) throws IOException {
      out.writeLong(item.id());
      float[] v = item.vector();
      out.writeInt(v.length);
      for (float f : v) {
        out.writeFloat(f);
      }
    }

    @Override
    public VectorItem read(ObjectInput in) throws IOException {
      long id = in.readLong();
      float[] v = new float[in.readInt()];
      for (int i = 0; i < v.length; i++) {
        v[i] = in.readFloat();
      }
      return new VectorItem(id, v);
    }
  }
}
