package io.pluresdb.jdbc.compat;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * One example call for each function of SQLite's {@code pragma function_list}, keyed {@code
 * name/narg}, run on the table {@link #SETUP} creates; and the functions without one, each with its
 * reason.
 */
final class SqliteFunctionExamples {
  private SqliteFunctionExamples() {}

  static final String[] SETUP = {
    "CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20), j VARCHAR(200), x DOUBLE, d DATE,"
        + " ts TIMESTAMP)",
    "INSERT INTO t VALUES (1, 'ab', '{\"x\":1,\"a\":[1,2]}', 0.5, '2020-01-31',"
        + " '2020-01-31 10:00:00')",
    "INSERT INTO t VALUES (2, 'cd', '{\"x\":\"s\",\"b\":{\"c\":null}}', 2.0, '2021-03-01',"
        + " '2021-03-01 00:00:00.5')",
    "INSERT INTO t VALUES (3, NULL, NULL, NULL, NULL, NULL)"
  };

  private static String q(String expressions) {
    return "SELECT " + expressions + " FROM t ORDER BY id";
  }

  private static String agg(String expressions) {
    return "SELECT " + expressions + " FROM t";
  }

  private static String win(String call) {
    return "SELECT " + call + " OVER (ORDER BY id) FROM t ORDER BY id";
  }

  static final Map<String, String> EXAMPLES =
      Map.ofEntries(
          entry("abs/1", q("abs(x - 1), abs(id - 2)")),
          entry("acos/1", q("acos(x / 4)")),
          entry("acosh/1", q("acosh(x + 1)")),
          entry("asin/1", q("asin(x / 4)")),
          entry("asinh/1", q("asinh(x)")),
          entry("atan/1", q("atan(x)")),
          entry("atan2/2", q("atan2(x, id)")),
          entry("atanh/1", q("atanh(x / 4)")),
          entry("atn2/2", q("atn2(x, id)")),
          entry("avg/1", agg("avg(id), avg(x)")),
          entry("ceil/1", q("ceil(x)")),
          entry("ceiling/1", q("ceiling(x)")),
          entry("char/-1", q("char(65, 66 + id)")),
          entry("charindex/2", q("charindex('b', name)")),
          entry("charindex/3", q("charindex('b', name, 1)")),
          entry("coalesce/-4", q("coalesce(name, 'none'), coalesce(NULL, x, id)")),
          entry("concat/-3", q("concat(name, '-', id)")),
          entry("concat_ws/-4", q("concat_ws('-', name, id, x)")),
          entry("cos/1", q("cos(x)")),
          entry("cosh/1", q("cosh(x)")),
          entry("cot/1", q("cot(x)")),
          entry("coth/1", q("coth(x)")),
          entry("count/0", agg("count(*)")),
          entry("count/1", agg("count(name), count(DISTINCT id)")),
          entry("cume_dist/0", win("cume_dist()")),
          entry("current_date/0", "SELECT current_date"),
          entry("current_time/0", "SELECT current_time"),
          entry("current_timestamp/0", "SELECT current_timestamp"),
          entry(
              "date/-1",
              q("date(d, '+1 month'), date(ts), date('2020-02-30'), date(ts, 'start of year')")),
          entry("datetime/-1", q("datetime(ts, '+1 day', 'start of day'), datetime(d)")),
          entry("degrees/1", q("degrees(x)")),
          entry("dense_rank/0", win("dense_rank()")),
          entry("difference/2", q("difference(name, 'ab')")),
          entry("exp/1", q("exp(x)")),
          entry("first_value/1", win("first_value(name)")),
          entry("floor/1", q("floor(x)")),
          entry("format/-1", q("format('%s-%d-%.2f', name, id, x)")),
          entry("fts5_source_id/0", "SELECT fts5_source_id()"),
          entry("glob/2", q("glob('a*', name)")),
          entry("group_concat/1", agg("group_concat(name)")),
          entry("group_concat/2", agg("group_concat(name, ';')")),
          entry("hex/1", q("hex(name), hex(id)")),
          entry("if/-4", q("if(id = 1, 'one', id = 2, 'two', 'many'), if(id = 1, name)")),
          entry("ifnull/2", q("ifnull(name, 'none')")),
          entry("iif/-4", q("iif(id = 1, 'one', 'other')")),
          entry("instr/2", q("instr(name, 'b')")),
          entry("json/1", q("json(j)")),
          entry("json_array/-1", q("json_array(id, name, NULL)")),
          entry("json_array_insert/-1", q("json_array_insert('[1,2]', '$[1]', id)")),
          entry("json_array_length/1", q("json_array_length('[1,2,3]')")),
          entry("json_array_length/2", q("json_array_length(j, '$.a')")),
          entry("json_error_position/1", q("json_error_position(j), json_error_position('{x')")),
          entry("json_extract/-1", q("json_extract(j, '$.x'), json_extract(j, '$.x', '$.a')")),
          entry("json_group_array/1", agg("json_group_array(name)")),
          entry("json_group_object/2", agg("json_group_object(coalesce(name, 'n'), id)")),
          entry("json_insert/-1", q("json_insert(j, '$.y', id)")),
          entry("json_object/-1", q("json_object('id', id, 'name', name)")),
          entry("json_patch/2", q("json_patch(j, '{\"x\":9}')")),
          entry("json_pretty/1", q("json_pretty(j)")),
          entry("json_pretty/2", q("json_pretty(j, '  ')")),
          entry("json_quote/1", q("json_quote(name), json_quote(x)")),
          entry("json_remove/-1", q("json_remove(j, '$.x')")),
          entry("json_replace/-1", q("json_replace(j, '$.x', id)")),
          entry("json_set/-1", q("json_set(j, '$.x', name)")),
          entry("json_type/1", q("json_type(j)")),
          entry("json_type/2", q("json_type(j, '$.x')")),
          entry("json_valid/1", q("json_valid(j), json_valid(name)")),
          entry("json_valid/2", q("json_valid(j, 6)")),
          entry("jsonb/1", q("jsonb(j)")),
          entry("jsonb_array/-1", q("jsonb_array(id, name)")),
          entry("jsonb_array_insert/-1", q("jsonb_array_insert('[1,2]', '$[1]', id)")),
          entry("jsonb_extract/-1", q("jsonb_extract(j, '$.x'), jsonb_extract(j, '$.a')")),
          entry("jsonb_group_array/1", agg("jsonb_group_array(id)")),
          entry("jsonb_group_object/2", agg("jsonb_group_object(coalesce(name, 'n'), id)")),
          entry("jsonb_insert/-1", q("jsonb_insert(j, '$.y', id)")),
          entry("jsonb_object/-1", q("jsonb_object('id', id)")),
          entry("jsonb_patch/2", q("jsonb_patch(j, '{\"x\":9}')")),
          entry("jsonb_remove/-1", q("jsonb_remove(j, '$.x')")),
          entry("jsonb_replace/-1", q("jsonb_replace(j, '$.x', id)")),
          entry("jsonb_set/-1", q("jsonb_set(j, '$.x', id)")),
          entry("julianday/-1", q("julianday(ts), julianday(d, '+1 day')")),
          entry("lag/1", win("lag(name)")),
          entry("lag/2", win("lag(name, 2)")),
          entry("lag/3", win("lag(name, 1, 'none')")),
          entry("last_value/1", win("last_value(name)")),
          entry("lead/1", win("lead(name)")),
          entry("lead/2", win("lead(id, 2)")),
          entry("lead/3", win("lead(name, 1, 'none')")),
          entry("leftstr/2", q("leftstr(name, 1)")),
          entry("length/1", q("length(name), length(x)")),
          entry("likelihood/2", q("likelihood(id, 0.5)")),
          entry("likely/1", q("likely(name)")),
          entry("ln/1", q("ln(x)")),
          entry("log/1", q("log(x)")),
          entry("log/2", q("log(2, x)")),
          entry("log10/1", q("log10(x)")),
          entry("log2/1", q("log2(x)")),
          entry("lower/1", q("lower('AbC' || name)")),
          entry("lower_quartile/1", agg("lower_quartile(x)")),
          entry("ltrim/1", q("ltrim('  ' || name)")),
          entry("ltrim/2", q("ltrim(name, 'a')")),
          entry("max/-3", q("max(id, 2), max(x, 1, id)")),
          entry("max/1", agg("max(name), max(x)")),
          entry("median/1", agg("median(x)")),
          entry("min/-3", q("min(id, 2), min(x, 1, id)")),
          entry("min/1", agg("min(name), min(x)")),
          entry("mod/2", q("mod(id, 2), mod(x, 0.3)")),
          entry("mode/1", agg("mode(name)")),
          entry("nth_value/2", win("nth_value(name, 2)")),
          entry("ntile/1", win("ntile(2)")),
          entry("nullif/2", q("nullif(id, 1)")),
          entry("octet_length/1", q("octet_length(name)")),
          entry("padc/2", q("padc(name, 5)")),
          entry("padl/2", q("padl(name, 5)")),
          entry("padr/2", q("padr(name, 5)")),
          entry("percent_rank/0", win("percent_rank()")),
          entry("percentile/2", agg("percentile(x, 25)")),
          entry("percentile_cont/2", agg("percentile_cont(x, 0.25)")),
          entry("percentile_disc/2", agg("percentile_disc(x, 0.25)")),
          entry("pi/0", "SELECT pi()"),
          entry("pow/2", q("pow(x, 2)")),
          entry("power/2", q("power(x, 2)")),
          entry("printf/-1", q("printf('%5.1f|%s', x, name)")),
          entry("proper/1", q("proper(name)")),
          entry("quote/1", q("quote(name), quote(x), quote(id)")),
          entry("radians/1", q("radians(x)")),
          entry("random/0", "SELECT random()"),
          entry("randomblob/1", "SELECT randomblob(8)"),
          entry("rank/0", win("rank()")),
          entry("replace/3", q("replace(name, 'a', 'xy')")),
          entry("replicate/2", q("replicate(name, 2)")),
          entry("reverse/1", q("reverse(name)")),
          entry("rightstr/2", q("rightstr(name, 1)")),
          entry("round/1", q("round(x)")),
          entry("round/2", q("round(x / 3, 2)")),
          entry("row_number/0", win("row_number()")),
          entry("rtrim/1", q("rtrim(name || '  ')")),
          entry("rtrim/2", q("rtrim(name, 'b')")),
          entry("sign/1", q("sign(x - 1)")),
          entry("sin/1", q("sin(x)")),
          entry("sinh/1", q("sinh(x)")),
          entry("sqlite_compileoption_get/1", "SELECT sqlite_compileoption_get(0)"),
          entry("sqlite_compileoption_used/1", "SELECT sqlite_compileoption_used('THREADSAFE')"),
          entry("sqlite_log/2", "SELECT sqlite_log(0, 'a message')"),
          entry("sqlite_source_id/0", "SELECT sqlite_source_id()"),
          entry("sqlite_version/0", "SELECT sqlite_version()"),
          entry("sqrt/1", q("sqrt(x)")),
          entry("square/1", q("square(x), square(id)")),
          entry("stdev/1", agg("stdev(x)")),
          entry("strfilter/2", q("strfilter(name, 'bc')")),
          entry("strftime/-1", q("strftime('%Y/%m/%d %H', ts), strftime('%j', d, '+1 day')")),
          entry("string_agg/2", agg("string_agg(name, '+')")),
          entry("substr/2", q("substr(name, 2)")),
          entry("substr/3", q("substr(name, 1, 1)")),
          entry("substring/2", q("substring(name, 2)")),
          entry("substring/3", q("substring(name, 2, 1)")),
          entry("subtype/1", q("subtype(name)")),
          entry("sum/1", agg("sum(id), sum(x)")),
          entry("tan/1", q("tan(x)")),
          entry("tanh/1", q("tanh(x)")),
          entry("time/-1", q("time(ts), time(ts, '+90 minutes')")),
          entry("timediff/2", q("timediff(ts, d)")),
          entry("total/1", agg("total(id), total(x)")),
          entry("trim/1", q("trim('  ' || name || ' ')")),
          entry("trunc/1", q("trunc(x), trunc(-x)")),
          entry("typeof/1", q("typeof(name), typeof(x), typeof(id)")),
          entry("unhex/1", q("unhex('4142'), unhex(hex(name))")),
          entry("unhex/2", q("unhex('41-42', '-')")),
          entry("unicode/1", q("unicode(name)")),
          entry("unistr/1", q("unistr('a\\0041')")),
          entry("unistr_quote/1", q("unistr_quote(name)")),
          entry("unixepoch/-1", q("unixepoch(ts), unixepoch(d, '+1 day')")),
          entry("unlikely/1", q("unlikely(id)")),
          entry("upper/1", q("upper(name)")),
          entry("upper_quartile/1", agg("upper_quartile(x)")),
          entry("variance/1", agg("variance(x)")),
          entry("zeroblob/1", "SELECT zeroblob(3)"),
          entry(
              "json_each",
              "SELECT t.id, e.key, e.value, e.type FROM t, json_each(t.j) e ORDER BY t.id, e.id"),
          entry(
              "json_tree",
              "SELECT t.id, e.fullkey, e.atom FROM t, json_tree(t.j, '$') e ORDER BY t.id, e.id"));

  /** Calls whose result differs from run to run: compared by type and size only. */
  static final Set<String> NON_DETERMINISTIC =
      Set.of("current_date/0", "current_time/0", "current_timestamp/0", "random/0", "randomblob/1");

  /** Functions without an example, each with its reason. */
  static final Map<String, String> EXCLUDED =
      Map.ofEntries(
          entry("load_extension", "refused with SQLState 42501 (tested on its own)"),
          entry("changes", "connection state: area keys"),
          entry("last_insert_rowid", "connection state: area keys"),
          entry("total_changes", "connection state: area keys"),
          entry(
              "match",
              "full-text search: needs an FTS virtual table, which the DDL does not create"),
          entry("matchinfo", "full-text search (FTS3/4 auxiliary function)"),
          entry("offsets", "full-text search (FTS3/4 auxiliary function)"),
          entry("optimize", "full-text search (FTS3/4 auxiliary function)"),
          entry("snippet", "full-text search (FTS auxiliary function)"),
          entry("highlight", "full-text search (FTS5 auxiliary function)"),
          entry("bm25", "full-text search (FTS5 auxiliary function)"),
          entry("fts5", "FTS5's internal API pointer function"),
          entry("fts5_get_locale", "full-text search (FTS5 auxiliary function)"),
          entry("fts5_insttoken", "full-text search (FTS5 query helper)"),
          entry("fts5_locale", "full-text search (FTS5 query helper)"),
          entry(
              "fts3_tokenizer",
              "registers native tokenizer pointers: unsafe, SQLite allows it only directly"),
          entry("rtreecheck", "R*Tree virtual tables, which the DDL does not create"),
          entry("rtreedepth", "R*Tree virtual tables, which the DDL does not create"),
          entry("rtreenode", "R*Tree virtual tables, which the DDL does not create"));

  /** Functions whose example needs syntax the parser is being taught (area syntax). */
  static final Map<String, String> WAITS_FOR_SYNTAX =
      Map.ofEntries(
          entry("->/2", "the -> operator"),
          entry("->>/2", "the ->> operator"),
          entry("like/2", "like(pattern, x) as a function call: LIKE is a keyword"),
          entry("like/3", "like(pattern, x, escape) as a function call: LIKE is a keyword"),
          entry("trim/2", "trim(x, chars), the two-argument form"));
}
