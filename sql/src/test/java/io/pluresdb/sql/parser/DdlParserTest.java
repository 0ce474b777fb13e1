package io.pluresdb.sql.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.pluresdb.crdt.schema.ColumnType;
import io.pluresdb.sql.parser.ddl.AlterAction;
import io.pluresdb.sql.parser.ddl.ColumnDecl;
import io.pluresdb.sql.parser.ddl.Identity;
import io.pluresdb.sql.parser.ddl.SqlAlterTable;
import io.pluresdb.sql.parser.ddl.SqlCreateIndex;
import io.pluresdb.sql.parser.ddl.SqlCreateTable;
import io.pluresdb.sql.parser.ddl.SqlCreateView;
import io.pluresdb.sql.parser.ddl.SqlDropObject;
import io.pluresdb.sql.parser.ddl.TableConstraint;
import io.pluresdb.sql.parser.ddl.TypeDecl;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlKind;
import org.junit.jupiter.api.Test;

class DdlParserTest {

  @Test
  void createTableRecordsColumnsTypesAndConstraints() throws SQLException {
    SqlCreateTable t =
        (SqlCreateTable)
            SqlParsers.parse(
                "CREATE TABLE IF NOT EXISTS album (id BIGINT PRIMARY KEY, "
                    + "name VARCHAR(100) NOT NULL, year INTEGER DEFAULT 2000, released DATE, "
                    + "price DECIMAL(10, 2) CHECK (price >= 0), artist_id INT REFERENCES artist (id) "
                    + "ON DELETE CASCADE, UNIQUE (name, year))");

    assertThat(t.getKind()).isEqualTo(SqlKind.CREATE_TABLE);
    assertThat(t.ifNotExists()).isTrue();
    assertThat(t.name().getSimple()).isEqualTo("album");
    assertThat(t.columns())
        .extracting(ColumnDecl::name)
        .containsExactly("id", "name", "year", "released", "price", "artist_id");
    assertThat(t.columns())
        .extracting(c -> c.type().type())
        .containsExactly(
            ColumnType.BIGINT,
            ColumnType.VARCHAR,
            ColumnType.INTEGER,
            ColumnType.DATE,
            ColumnType.DECIMAL,
            ColumnType.INTEGER);
    assertThat(t.primaryKey()).containsExactly("id");

    ColumnDecl id = t.columns().get(0);
    assertThat(id.primaryKey()).isTrue();
    assertThat(id.nullable()).isFalse();
    ColumnDecl name = t.columns().get(1);
    assertThat(name.type())
        .isEqualTo(new TypeDecl(ColumnType.VARCHAR, "VARCHAR", 100, 0, "VARCHAR(100)"));
    assertThat(name.notNull()).isTrue();
    assertThat(t.columns().get(2).defaultValue()).hasToString("2000");
    assertThat(t.columns().get(3).nullable()).isTrue();
    ColumnDecl price = t.columns().get(4);
    assertThat(price.type().precision()).isEqualTo(10);
    assertThat(price.type().scale()).isEqualTo(2);
    assertThat(price.check()).isNotNull();
    ColumnDecl artist = t.columns().get(5);
    assertThat(artist.references().table().getSimple()).isEqualTo("artist");
    assertThat(artist.references().columns()).containsExactly("id");
    assertThat(artist.references().onDelete()).isEqualTo("CASCADE");

    assertThat(t.constraints())
        .containsExactly(TableConstraint.unique(null, List.of("name", "year")));
  }

  @Test
  void typeSpellingsMapToColumnTypes() throws SQLException {
    SqlCreateTable t =
        (SqlCreateTable)
            SqlParsers.parse(
                "CREATE TABLE t (a TEXT, b CHARACTER VARYING(5), c DOUBLE PRECISION, d FLOAT(10), "
                    + "e TIMESTAMP WITH TIME ZONE, f JSON, g VECTOR(3), h COUNTER, i CLOB, "
                    + "j BINARY(4), k NUMERIC(6), l BOOLEAN, m TINYINT, n SMALLINT, o REAL, p TIME, "
                    + "q VARBINARY(9), r BLOB, s CHAR(2), u timestamptz, v bytea)");
    assertThat(t.columns())
        .extracting(c -> c.type().type())
        .containsExactly(
            ColumnType.VARCHAR,
            ColumnType.VARCHAR,
            ColumnType.DOUBLE,
            ColumnType.REAL,
            ColumnType.TIMESTAMP_WITH_TIME_ZONE,
            ColumnType.JSON,
            ColumnType.VECTOR,
            ColumnType.COUNTER,
            ColumnType.CLOB,
            ColumnType.BINARY,
            ColumnType.DECIMAL,
            ColumnType.BOOLEAN,
            ColumnType.TINYINT,
            ColumnType.SMALLINT,
            ColumnType.REAL,
            ColumnType.TIME,
            ColumnType.VARBINARY,
            ColumnType.BLOB,
            ColumnType.CHAR,
            ColumnType.TIMESTAMP_WITH_TIME_ZONE,
            ColumnType.BLOB);
    assertThat(t.columns().get(0).type().declaredName()).isEqualTo("TEXT");
    assertThat(t.columns().get(6).type().precision()).isEqualTo(3);
  }

  @Test
  void aJsonColumnMergesOnlyWhenDeclaredMergeable() throws SQLException {
    SqlCreateTable t =
        (SqlCreateTable)
            SqlParsers.parse(
                "CREATE TABLE t (a JSON, b JSONB, c JSON MERGEABLE, d mergeable json NOT NULL,"
                    + " e TEXT MERGEABLE)");
    assertThat(t.columns())
        .extracting(c -> c.type().type())
        .containsExactly(
            ColumnType.JSON,
            ColumnType.JSON,
            ColumnType.MERGEABLE_JSON,
            ColumnType.MERGEABLE_JSON,
            ColumnType.MERGEABLE_TEXT);
    assertThat(t.columns().get(3).nullable()).isFalse();
  }

  @Test
  void identityAndAutoIncrementColumnsAreGenerated() throws SQLException {
    SqlCreateTable t =
        (SqlCreateTable)
            SqlParsers.parse(
                "create table person (id bigint generated by default as identity, "
                    + "seq bigint generated always as identity, n integer primary key autoincrement, "
                    + "m bigint auto_increment, plain int, primary key (id))");
    assertThat(t.columns())
        .extracting(ColumnDecl::identity)
        .containsExactly(
            Identity.BY_DEFAULT,
            Identity.ALWAYS,
            Identity.AUTO_INCREMENT,
            Identity.AUTO_INCREMENT,
            Identity.NONE);
    assertThat(t.primaryKey()).containsExactly("id");
    assertThat(t.constraints().get(0).kind()).isEqualTo(TableConstraint.Kind.PRIMARY_KEY);
  }

  @Test
  void alterTableAddsColumnsAndForeignKeys() throws SQLException {
    SqlAlterTable add =
        (SqlAlterTable)
            SqlParsers.parse(
                "ALTER TABLE IF EXISTS album ADD COLUMN IF NOT EXISTS genre VARCHAR(20) NOT NULL");
    assertThat(add.ifExists()).isTrue();
    AlterAction.AddColumn column = (AlterAction.AddColumn) add.action();
    assertThat(column.ifNotExists()).isTrue();
    assertThat(column.column().name()).isEqualTo("genre");
    assertThat(column.column().notNull()).isTrue();

    SqlAlterTable fk =
        (SqlAlterTable)
            SqlParsers.parse(
                "alter table if exists Book add constraint FK1 foreign key (author_id) "
                    + "references Person");
    TableConstraint c = ((AlterAction.AddConstraint) fk.action()).constraint();
    assertThat(c.name()).isEqualTo("FK1");
    assertThat(c.kind()).isEqualTo(TableConstraint.Kind.FOREIGN_KEY);
    assertThat(c.columns()).containsExactly("author_id");
    assertThat(c.references().table().getSimple()).isEqualTo("Person");
    assertThat(c.references().columns()).isEmpty();
  }

  @Test
  void createIndexKeepsMethodAndOptions() throws SQLException {
    SqlCreateIndex i =
        (SqlCreateIndex)
            SqlParsers.parse(
                "CREATE INDEX docs_v ON docs USING HNSW (embedding) "
                    + "WITH (metric = 'cosine', m = 16, ef_construction = 200)");
    assertThat(i.unique()).isFalse();
    assertThat(i.name().getSimple()).isEqualTo("docs_v");
    assertThat(i.table().getSimple()).isEqualTo("docs");
    assertThat(i.method()).isEqualTo("hnsw");
    assertThat(i.columns()).containsExactly("embedding");
    assertThat(i.optionMap())
        .containsExactly(
            Map.entry("metric", "cosine"),
            Map.entry("m", "16"),
            Map.entry("ef_construction", "200"));

    SqlCreateIndex plain =
        (SqlCreateIndex) SqlParsers.parse("CREATE UNIQUE INDEX IF NOT EXISTS u ON t (a, b)");
    assertThat(plain.unique()).isTrue();
    assertThat(plain.ifNotExists()).isTrue();
    assertThat(plain.method()).isEqualTo("btree");
    assertThat(plain.optionMap()).isEmpty();
  }

  @Test
  void viewsAndDropsRecordTheirNames() throws SQLException {
    SqlCreateView v =
        (SqlCreateView) SqlParsers.parse("CREATE OR REPLACE VIEW v (a, b) AS SELECT 1, 2");
    assertThat(v.orReplace()).isTrue();
    assertThat(v.columns()).containsExactly("a", "b");
    assertThat(v.query().getKind()).isEqualTo(SqlKind.SELECT);
    assertThat(v.querySql()).isEqualTo("SELECT 1, 2");

    SqlCreateView multiLine =
        (SqlCreateView)
            SqlParsers.parse(
                "create view recent as\n  select name,\n\tyear from album where year > 2000;");
    assertThat(multiLine.querySql()).isEqualTo("select name,\n\tyear from album where year > 2000");

    assertThat(((SqlDropObject) SqlParsers.parse("DROP TABLE IF EXISTS t")).ifExists()).isTrue();
    assertThat(((SqlDropObject) SqlParsers.parse("DROP TABLE t")).ifExists()).isFalse();
    assertThat(((SqlDropObject) SqlParsers.parse("DROP INDEX i")).name().getSimple())
        .isEqualTo("i");
    assertThat(((SqlDropObject) SqlParsers.parse("DROP VIEW IF EXISTS v")).getKind())
        .isEqualTo(SqlKind.DROP_VIEW);
    SqlDropObject table = (SqlDropObject) SqlParsers.parse("DROP TABLE IF EXISTS s.t CASCADE");
    assertThat(table.objectKind()).isEqualTo(SqlDropObject.ObjectKind.TABLE);
    assertThat(table.getKind()).isEqualTo(SqlKind.DROP_TABLE);
    assertThat(SqlParsers.unparse(table)).isEqualTo("DROP TABLE IF EXISTS s.t");
    SqlDropObject index = (SqlDropObject) SqlParsers.parse("DROP INDEX i");
    assertThat(index.objectKind()).isEqualTo(SqlDropObject.ObjectKind.INDEX);
    assertThat(index.getKind()).isEqualTo(SqlKind.DROP_INDEX);
    assertThat(SqlParsers.unparse(index)).isEqualTo("DROP INDEX i");
    assertThat(SqlParsers.unparse(SqlParsers.parse("drop view v restrict")))
        .isEqualTo("DROP VIEW v");
  }
}
