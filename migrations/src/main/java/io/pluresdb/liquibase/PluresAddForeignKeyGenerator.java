package io.pluresdb.liquibase;

import liquibase.database.Database;
import liquibase.statement.core.AddForeignKeyConstraintStatement;
import liquibase.structure.core.ForeignKey;

/**
 * {@code addForeignKeyConstraint}: {@code ALTER TABLE t ADD CONSTRAINT n FOREIGN KEY (…) REFERENCES
 * r (…) [ON DELETE …] [ON UPDATE …]}, which PluresDB has (it checks the existing rows first).
 */
public class PluresAddForeignKeyGenerator
    extends PluresAlterGenerator<AddForeignKeyConstraintStatement> {
  @Override
  String sql(AddForeignKeyConstraintStatement s, Database db) {
    StringBuilder sql =
        new StringBuilder("ALTER TABLE ")
            .append(
                db.escapeTableName(
                    s.getBaseTableCatalogName(), s.getBaseTableSchemaName(), s.getBaseTableName()))
            .append(" ADD ");
    if (s.getConstraintName() != null) {
      sql.append("CONSTRAINT ")
          .append(db.escapeObjectName(s.getConstraintName(), ForeignKey.class))
          .append(' ');
    }
    sql.append("FOREIGN KEY (")
        .append(db.escapeColumnNameList(s.getBaseColumnNames()))
        .append(") REFERENCES ")
        .append(
            db.escapeTableName(
                s.getReferencedTableCatalogName(),
                s.getReferencedTableSchemaName(),
                s.getReferencedTableName()))
        .append(" (")
        .append(db.escapeColumnNameList(s.getReferencedColumnNames()))
        .append(')');
    if (s.getOnDelete() != null) {
      sql.append(" ON DELETE ").append(s.getOnDelete());
    }
    if (s.getOnUpdate() != null) {
      sql.append(" ON UPDATE ").append(s.getOnUpdate());
    }
    return sql.toString();
  }
}
