package io.pluresdb.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * What a target writes beside each album row and before each commit of {@link
 * Fixture#insertAlbums}: nothing for plain SQL ({@link #NONE}); the store's own bookkeeping for
 * {@link Target#SQLITE_BOOKKEPT}.
 */
interface Bookkeeping {
  Bookkeeping NONE = new Bookkeeping() {};

  /** The statement that inserts one album, with its four values first. */
  default String albumInsert() {
    return "INSERT INTO album VALUES (?, ?, ?, ?)";
  }

  /** Binds what the row carries beyond its four values. */
  default void bindRow(PreparedStatement insert) throws SQLException {}

  /** Writes what a transaction of {@code rows} inserted albums adds before its commit. */
  default void beforeCommit(Connection c, int rows) throws SQLException {}
}
