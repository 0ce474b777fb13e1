package io.pluresdb.embed;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.pluresdb.vector.TextEmbedder;
import java.util.concurrent.atomic.AtomicLong;

/**
 * all-MiniLM-L6-v2 (sentence-transformers; 6 layers, 384 dimensions, mean pooling), quantized to 8
 * bits, from the model and tokenizer files packed in langchain4j's artifact: a sentence takes a few
 * milliseconds on one core and nothing leaves the machine. The model is read when the first text is
 * embedded, not when the service is found, so a node that never calls {@code embed()} pays nothing.
 *
 * <p>Thread-safe: the ONNX session and the tokenizer serve concurrent calls.
 */
public final class MiniLmEmbedder implements TextEmbedder {
  /** The vector length of all-MiniLM-L6-v2. */
  public static final int DIMENSIONS = 384;

  private static final AtomicLong CALLS = new AtomicLong();

  /** Loaded on first use, once (the holder idiom). */
  private static final class Model {
    static final EmbeddingModel INSTANCE = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  @Override
  public String name() {
    return "all-MiniLM-L6-v2 (quantized)";
  }

  @Override
  public int dimensions() {
    return DIMENSIONS;
  }

  @Override
  public float[] embed(String text) {
    CALLS.incrementAndGet();
    float[] v = Model.INSTANCE.embed(text).content().vector();
    return unit(v);
  }

  /**
   * How many texts this class loader's model has embedded: a node that receives vectors computes
   * none, which this shows.
   */
  public static long calls() {
    return CALLS.get();
  }

  /** {@code v} scaled to length 1 (the model's pooling output is not always exactly unit). */
  static float[] unit(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      return v;
    }
    float scale = (float) (1 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * scale;
    }
    return out;
  }
}
