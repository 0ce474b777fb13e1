package io.pluresdb.engine.live;

import static io.pluresdb.sql.live.ImageTables.imageTable;
import static io.pluresdb.sql.live.ImageTables.quote;

import io.pluresdb.crdt.schema.ColumnDef;
import io.pluresdb.crdt.schema.TableDef;
import io.pluresdb.crdt.value.Values;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One-row temporary copies of tables on the reactor's reader, holding the row image a change set
 * carries, so a subscription's query can be checked against the row as that transaction left it
 * rather than as the table is now. Each image table is created with {@code CREATE TEMP TABLE … AS
 * SELECT … WHERE 0}, which gives its columns the real columns' affinities, so comparisons behave as
 * on the table.
 *
 * <p>Not thread-safe: owned by the reactor thread (through {@link Evaluator}).
 */
final class RowImages implements AutoCloseable {
  private final Connection reader;
  private final Map<String, PreparedStatement> inserts = new HashMap<>();
  private final Map<String, PreparedStatement> clears = new HashMap<>();

  RowImages(Connection reader) {
    this.reader = reader;
  }

  /** Makes the image of {@code table} hold exactly {@code row} (declared column order). */
  void load(TableDef table, Object[] row) throws SQLException {
    PreparedStatement insert = inserts.get(table.name());
    if (insert == null) {
      insert = create(table);
    }
    clears.get(table.name()).executeUpdate();
    for (int i = 0; i < row.length; i++) {
      ColumnDef c = table.columns().get(i);
      Values.bind(insert, i + 1, row[i], c.type());
    }
    insert.executeUpdate();
  }

  private PreparedStatement create(TableDef table) throws SQLException {
    String image = quote("temp") + "." + quote(imageTable(table.name()));
    StringJoiner columns = new StringJoiner(", ");
    StringJoiner marks = new StringJoiner(", ");
    for (ColumnDef c : table.columns()) {
      columns.add(quote(c.name()));
      marks.add("?");
    }
    try (Statement s = reader.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + image);
      s.execute(
          "CREATE TEMP TABLE "
              + quote(imageTable(table.name()))
              + " AS SELECT "
              + columns
              + " FROM "
              + quote("main")
              + "."
              + quote(table.name())
              + " WHERE 0");
    }
    PreparedStatement insert =
        reader.prepareStatement(
            "INSERT INTO " + image + " (" + columns + ") VALUES (" + marks + ")");
    inserts.put(table.name(), insert);
    clears.put(table.name(), reader.prepareStatement("DELETE FROM " + image));
    return insert;
  }

  /** The schema changed: images are re-created (with the new columns) on next use. */
  void schemaChanged() throws SQLException {
    close();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement ps : inserts.values()) {
      ps.close();
    }
    for (PreparedStatement ps : clears.values()) {
      ps.close();
    }
    inserts.clear();
    clears.clear();
  }
}
