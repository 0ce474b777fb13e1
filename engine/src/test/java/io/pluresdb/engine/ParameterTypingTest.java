package io.pluresdb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.engine.support.Db;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters whose type only a surrounding function tells, in the shapes tools send. */
class ParameterTypingTest {
  @TempDir Path tmp;
  Db db;

  @BeforeEach
  void open() throws Exception {
    db = Db.open(tmp);
    db.exec("CREATE TABLE book (id BIGINT PRIMARY KEY, title VARCHAR(200))");
    db.update("INSERT INTO book VALUES (1, 'The Dispossessed'), (2, 'Solaris')");
  }

  @AfterEach
  void close() throws Exception {
    db.close();
  }

  @Test
  void aParameterInsideLowerOrUpperIsText() throws Exception {
    // jOOQ's likeIgnoreCase renders "lower(x) like lower(?)"
    assertThat(db.rows("SELECT id FROM book WHERE lower(book.title) LIKE lower(?)", "%THE%"))
        .containsExactly("1");
    assertThat(db.rows("SELECT id FROM book WHERE upper(title) = upper(?)", "solaris"))
        .containsExactly("2");
    assertThat(db.rows("SELECT lower(?), upper(?) FROM book WHERE id = 1", "AbC", "AbC"))
        .containsExactly("abc|ABC");
  }

  @Test
  void lowerAndUpperArePushedDownToSqlite() throws Exception {
    assertThat(
            String.join(
                "\n",
                db.rows("EXPLAIN PLAN FOR SELECT id FROM book WHERE lower(title) LIKE lower(?)")))
        .contains("WHERE LOWER(\"book\".\"title\") LIKE LOWER(?)");
  }
}
