package io.pluresdb.engine.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pluresdb.engine.api.Cursor;
import io.pluresdb.engine.api.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SQL script with expected output against a fresh database. Blocks are separated by blank
 * lines; {@code #} starts a comment line:
 *
 * <pre>
 * statement ok | statement count N | statement error STATE [message fragment]
 * SQL...
 * query [unordered]
 * SQL...
 * ---- sqlite                     (optional: the SQLite statement EXPLAIN reports)
 * SELECT ...
 * ---- rows
 * value|value                     (NULL for null)
 * </pre>
 */
public final class SqlScript {
  private final Path file;

  public SqlScript(Path file) {
    this.file = file;
  }

  public void run(Db db) throws IOException, SQLException {
    List<List<String>> blocks = blocks(Files.readAllLines(file));
    for (List<String> block : blocks) {
      String head = block.get(0).trim();
      String where = file.getFileName() + ": " + String.join(" ", block);
      if (head.startsWith("statement")) {
        statement(db, head, String.join("\n", block.subList(1, block.size())), where);
      } else if (head.startsWith("query")) {
        query(db, head, block.subList(1, block.size()), where);
      } else {
        throw new IllegalArgumentException("bad block in " + where);
      }
    }
  }

  private static void statement(Db db, String head, String sql, String where) throws SQLException {
    String[] words = head.split("\\s+", 4);
    switch (words[1]) {
      case "ok" -> close(db.exec(sql));
      case "count" -> assertThat(db.update(sql)).as(where).isEqualTo(Long.parseLong(words[2]));
      case "error" -> {
        var check =
            assertThatThrownBy(() -> close(db.exec(sql)))
                .as(where)
                .isInstanceOf(SQLException.class)
                .hasFieldOrPropertyWithValue("SQLState", words[2]);
        if (words.length > 3) {
          check.hasMessageContaining(words[3]);
        }
      }
      default -> throw new IllegalArgumentException("bad statement block " + where);
    }
  }

  private static void query(Db db, String head, List<String> lines, String where)
      throws SQLException {
    List<String> sql = new ArrayList<>();
    List<String> sqlite = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    List<String> target = sql;
    for (String line : lines) {
      if (line.startsWith("---- sqlite")) {
        target = sqlite;
      } else if (line.startsWith("---- rows")) {
        target = rows;
      } else {
        target.add(line);
      }
    }
    String text = String.join("\n", sql);
    if (!sqlite.isEmpty()) {
      List<String> plan = db.rows("EXPLAIN PLAN FOR " + text);
      String sent = plan.get(plan.size() - 1);
      assertThat(normalize(sent))
          .as(where)
          .isEqualTo(normalize("SQLite: " + String.join(" ", sqlite)));
    }
    List<String> actual = db.rows(text);
    if (head.contains("unordered")) {
      actual = new ArrayList<>(actual);
      actual.sort(null);
      rows = new ArrayList<>(rows);
      rows.sort(null);
    }
    assertThat(actual).as(where).containsExactlyElementsOf(rows);
  }

  private static String normalize(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  private static void close(Result r) throws SQLException {
    if (r instanceof Result.Rows rows) {
      try (Cursor c = rows.cursor()) {
        while (c.next()) {
          // drain: a statement's errors may surface while reading
        }
      }
    }
  }

  private static List<List<String>> blocks(List<String> lines) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          blocks.add(current);
          current = new ArrayList<>();
        }
      } else {
        current.add(line);
      }
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }
}
