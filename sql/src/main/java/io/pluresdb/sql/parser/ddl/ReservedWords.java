package io.pluresdb.sql.parser.ddl;

/**
 * A dialect that knows which words its parser reserves. DDL nodes unparse a name unquoted only when
 * their writer's dialect says it is not reserved; the dialect carries the knowledge because the
 * nodes sit below the generated parser that defines the words.
 */
public interface ReservedWords {
  /** True when {@code word} (any case) is reserved and so must be quoted to be a name. */
  boolean isReservedWord(String word);
}
