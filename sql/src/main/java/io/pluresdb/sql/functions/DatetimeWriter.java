package io.pluresdb.sql.functions;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.type.SqlTypeName;
import org.jspecify.annotations.Nullable;

/**
 * The operators {@link DatetimeArithmetic} puts on date-time arithmetic: each writes its call as
 * SQLite's date functions. Shifts write {@code date(x, modifiers)} for a DATE and, for a TIME or
 * TIMESTAMP, {@code strftime} with milliseconds, dropped when they are zero, which is the stored
 * form ({@code 2020-01-31 10:00:00}, {@code 10:00:00.500}).
 */
final class DatetimeWriter {
  private DatetimeWriter() {}

  /** How a count of one unit is said as a SQLite modifier. */
  private record Step(BigDecimal size, String word, boolean months) {
    static Step of(TimeUnit unit) {
      return switch (unit) {
        case MICROSECOND -> new Step(new BigDecimal("0.000001"), "seconds", false);
        case MILLISECOND -> new Step(new BigDecimal("0.001"), "seconds", false);
        case SECOND -> new Step(BigDecimal.ONE, "seconds", false);
        case MINUTE -> new Step(BigDecimal.ONE, "minutes", false);
        case HOUR -> new Step(BigDecimal.ONE, "hours", false);
        case DAY -> new Step(BigDecimal.ONE, "days", false);
        case WEEK -> new Step(BigDecimal.valueOf(7), "days", false);
        case MONTH -> new Step(BigDecimal.ONE, "months", true);
        case QUARTER -> new Step(BigDecimal.valueOf(3), "months", true);
        case YEAR -> new Step(BigDecimal.valueOf(12), "months", true);
        default -> throw new UnsupportedOperationException("interval unit " + unit);
      };
    }
  }

  /** True for an interval SQLite can add: a literal, or a literal times a number. */
  static boolean supported(SqlNode interval) {
    return literal(interval) != null;
  }

  private static @Nullable SqlLiteral literal(SqlNode interval) {
    if (interval instanceof SqlLiteral l) {
      return l;
    }
    if (interval.getKind() == SqlKind.TIMES) {
      SqlCall times = (SqlCall) interval;
      for (SqlNode op : times.getOperandList()) {
        if (op instanceof SqlLiteral l && isInterval(l)) {
          return l;
        }
      }
    }
    return null;
  }

  private static boolean isInterval(SqlLiteral l) {
    return SqlTypeName.INTERVAL_TYPES.contains(l.getTypeName());
  }

  /** {@code x ± interval}, the interval first when {@code intervalFirst}. */
  static SqlSpecialOperator shift(SqlTypeName target, boolean negate, boolean intervalFirst) {
    return new Op("DATETIME_SHIFT") {
      @Override
      void write(W w, List<SqlNode> ops) {
        SqlNode interval = ops.get(intervalFirst ? 0 : 1);
        SqlLiteral lit = java.util.Objects.requireNonNull(literal(interval));
        boolean yearMonth = SqlTypeName.YEAR_INTERVAL_TYPES.contains(lit.getTypeName());
        long amount = lit.getValueAs(Long.class); // months or milliseconds
        Step step =
            yearMonth
                ? new Step(BigDecimal.valueOf(amount), "months", true)
                : amount % 86_400_000L == 0
                    ? new Step(BigDecimal.valueOf(amount / 86_400_000L), "days", false)
                    : new Step(BigDecimal.valueOf(amount, 3), "seconds", false);
        @Nullable SqlNode count = interval == lit ? null : other((SqlCall) interval, lit);
        w.shifted(target, ops.get(intervalFirst ? 1 : 0), count, step, negate);
      }
    };
  }

  /** {@code TIMESTAMPADD(unit, n, x)}. */
  static SqlSpecialOperator add(SqlTypeName target, TimeUnit unit) {
    return new Op("TIMESTAMPADD") {
      @Override
      void write(W w, List<SqlNode> ops) {
        w.shifted(target, ops.get(2), ops.get(1), Step.of(unit), false);
      }
    };
  }

  /** {@code TIMESTAMPDIFF(unit, a, b)}: whole units from a to b, truncated towards zero. */
  static SqlSpecialOperator diff(TimeUnit unit) {
    return new Op("TIMESTAMPDIFF") {
      @Override
      void write(W w, List<SqlNode> ops) {
        SqlNode a = ops.get(1);
        SqlNode b = ops.get(2);
        Step step = Step.of(unit);
        if (step.months) {
          w.p("((").months(b).p("-").months(a).p("- CASE WHEN").months(b).p(">").months(a);
          w.p("AND").rest(b).p("<").rest(a).p("THEN 1 WHEN").months(b).p("<").months(a);
          w.p("AND").rest(b).p(">").rest(a).p("THEN -1 ELSE 0 END) /").p(step.size.toString());
          w.p(")");
        } else if (unit == TimeUnit.MILLISECOND || unit == TimeUnit.MICROSECOND) {
          String perDay = unit == TimeUnit.MILLISECOND ? "86400000.0" : "86400000000.0";
          w.p("CAST(round((julianday(").n(b).p(") - julianday(").n(a).p(")) *").p(perDay);
          w.p(") AS INTEGER)");
        } else {
          long seconds =
              step.size.longValueExact()
                  * switch (step.word) {
                    case "minutes" -> 60;
                    case "hours" -> 3600;
                    case "days" -> 86_400;
                    default -> 1;
                  };
          w.p("((unixepoch(").n(b).p(") - unixepoch(").n(a).p(")) /").p(Long.toString(seconds));
          w.p(")");
        }
      }
    };
  }

  private static SqlNode other(SqlCall times, SqlNode lit) {
    return times.operand(0) == lit ? times.operand(1) : times.operand(0);
  }

  /** An operator that writes its call with a {@link W}. */
  private abstract static class Op extends SqlSpecialOperator {
    Op(String name) {
      super(name, SqlKind.OTHER_FUNCTION);
    }

    abstract void write(W w, List<SqlNode> ops);

    @Override
    public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      write(new W(writer), call.getOperandList());
    }
  }

  /** Writes SQL text and nodes in turn. */
  private record W(SqlWriter writer) {
    W p(String text) {
      writer.print(text + " ");
      return this;
    }

    W n(SqlNode node) {
      node.unparse(writer, 0, 0);
      return this;
    }

    W months(SqlNode x) {
      return p("(strftime('%Y',").n(x).p(") * 12 + strftime('%m',").n(x).p("))");
    }

    W rest(SqlNode x) {
      return p("strftime('%d %H:%M:%f',").n(x).p(")");
    }

    /** {@code x} moved by {@code count} steps (by one when count is null). */
    void shifted(
        SqlTypeName target, SqlNode x, @Nullable SqlNode count, Step step, boolean negate) {
      String format = target == SqlTypeName.TIME ? "%H:%M:%f" : "%Y-%m-%d %H:%M:%f";
      if (target == SqlTypeName.DATE) {
        p("date(").n(x);
      } else {
        p("replace(strftime('" + format + "',").n(x);
      }
      BigDecimal size = negate ? step.size.negate() : step.size;
      if (count == null) {
        p(", '" + (size.signum() >= 0 ? "+" : "") + size.toPlainString() + " " + step.word + "'");
      } else {
        p(", ((").n(count).p(") *").p(size.toPlainString()).p(") || ' " + step.word + "'");
      }
      if (step.months) {
        p(", 'floor'");
      }
      // the stored form: milliseconds when there is a fraction, none when it is zero
      p(target == SqlTypeName.DATE ? ")" : "), '.000', '')");
    }
  }
}
