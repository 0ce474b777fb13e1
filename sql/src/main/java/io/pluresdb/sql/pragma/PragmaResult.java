package io.pluresdb.sql.pragma;

import io.pluresdb.sql.read.ColumnMeta;
import java.util.List;

/** What a PRAGMA answers: its columns and rows; no columns means no result set. */
public record PragmaResult(List<ColumnMeta> columns, List<Object[]> rows) {
  public PragmaResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  static PragmaResult none() {
    return new PragmaResult(List.of(), List.of());
  }
}
