package io.pluresdb.crdt.value;

/**
 * Names the value in error messages ("column 'year' of table 'album'"); the text is only built when
 * an error is raised, since coercion runs for every bound value.
 */
record Subject(String column, String table) {
  @Override
  public String toString() {
    return column == null ? "value" : "column '" + column + "' of table '" + table + "'";
  }
}
