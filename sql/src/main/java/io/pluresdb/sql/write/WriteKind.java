package io.pluresdb.sql.write;

import io.pluresdb.crdt.schema.ColumnType;
import java.util.List;

/** The planned write of an INSERT, UPDATE or DELETE statement. */
public sealed interface WriteKind permits InsertPlan, UpdatePlan, DeletePlan, ViewWritePlan {
  List<ColumnType> parameterTypes();

  String table();

  /**
   * True when executing it makes at most one store call that changes anything; such a call is
   * atomic by itself, so a transaction needs no savepoint around the statement.
   */
  default boolean singleOperation() {
    return false;
  }
}
