package io.pluresdb.sql.shape;

import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A statement with its literals taken out. Immutable.
 *
 * @param shape the text with each literal taken out replaced by a {@code ?} parameter; statements
 *     that differ only in those literals have the same shape
 * @param literals the values taken out, in order of their parameters, as the planner reads the same
 *     literals ({@code null} for NULL)
 */
public record Shaped(String shape, List<@Nullable Object> literals) {
  public Shaped {
    literals = Collections.unmodifiableList(literals);
  }
}
