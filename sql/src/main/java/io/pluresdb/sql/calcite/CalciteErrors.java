package io.pluresdb.sql.calcite;

import io.pluresdb.crdt.error.Errors;
import io.pluresdb.crdt.error.SqlState;
import io.pluresdb.sql.functions.RefusedFunctionException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns Calcite validation failures into SQLExceptions with a precise state. Calcite reports every
 * validation error as a {@link CalciteContextException} wrapping a {@link SqlValidatorException}
 * whose message comes from its resource bundle ({@code CalciteResource}); the patterns below are
 * those resources' message templates. The Calcite exception is kept as the cause.
 */
public final class CalciteErrors {
  private record Rule(Pattern pattern, SqlState state, String format) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "Object '([^']*)' not found(?: within '([^']*)')?",
              SqlState.UNDEFINED_TABLE,
              "table '%1$s' does not exist"),
          rule(
              "Table '([^']*)' not found", SqlState.UNDEFINED_TABLE, "table '%1$s' does not exist"),
          rule(
              "Column '([^']*)' not found in any table",
              SqlState.UNDEFINED_COLUMN,
              "column '%1$s' does not exist"),
          rule(
              "Column '([^']*)' not found in table '([^']*)'",
              SqlState.UNDEFINED_COLUMN,
              "column '%1$s' of table '%2$s' does not exist"),
          rule(
              "Unknown target column '([^']*)'",
              SqlState.UNDEFINED_COLUMN,
              "column '%1$s' does not exist"),
          rule(
              "Unknown field '([^']*)'", SqlState.UNDEFINED_COLUMN, "column '%1$s' does not exist"),
          rule(
              "Column '([^']*)' is ambiguous",
              SqlState.AMBIGUOUS_COLUMN,
              "column reference '%1$s' is ambiguous"),
          rule(
              "No match found for function signature ([^(]*)(.*)",
              SqlState.UNDEFINED_FUNCTION,
              "function %1$s%2$s does not exist"),
          rule(
              "Cannot apply '([^']*)' to arguments of type (.*)",
              SqlState.DATATYPE_MISMATCH,
              "operator '%1$s' cannot be applied to %2$s"),
          rule("(Cannot assign to target field .*)", SqlState.DATATYPE_MISMATCH, "%1$s"),
          rule("(Illegal mixing of types .*)", SqlState.DATATYPE_MISMATCH, "%1$s"),
          rule("(Type mismatch.*)", SqlState.DATATYPE_MISMATCH, "%1$s"),
          rule(
              "(Illegal use of dynamic parameter.*)",
              SqlState.DATATYPE_MISMATCH,
              "%1$s: the parameter's type cannot be inferred; add a CAST"),
          rule("(Number of INSERT target columns .*)", SqlState.SYNTAX_ERROR, "%1$s"),
          rule("(no such index: .*)", SqlState.UNDEFINED_OBJECT, "%1$s"),
          rule("(sub-select returns \\d+ columns - expected 1)", SqlState.SYNTAX_ERROR, "%1$s"));

  private CalciteErrors() {}

  private static Rule rule(String regex, SqlState state, String format) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), state, format);
  }

  /** The SQLException for a failure raised while validating or planning. */
  public static SQLException map(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RefusedFunctionException refused) {
        return Errors.of(SqlState.INSUFFICIENT_PRIVILEGE, refused.reason(), e);
      }
    }
    String message = messageOf(e);
    for (Rule r : RULES) {
      Matcher m = r.pattern.matcher(message);
      if (m.matches()) {
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
          groups[i] = m.group(i + 1);
        }
        return Errors.of(r.state, String.format(Locale.ROOT, r.format, groups), e);
      }
    }
    if (e instanceof CalciteContextException || e.getCause() instanceof SqlValidatorException) {
      return Errors.of(SqlState.SYNTAX_ERROR, message, e);
    }
    return Errors.of(SqlState.INTERNAL_ERROR, "cannot plan statement: " + message, e);
  }

  private static String messageOf(RuntimeException e) {
    Throwable t = e;
    if (e instanceof CalciteContextException && e.getCause() != null) {
      t = e.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
