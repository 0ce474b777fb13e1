package io.pluresdb.tck.slt;

import java.util.List;
import java.util.stream.Stream;

/**
 * The scripts of the corpus this project runs: {@code select1}…{@code select5}, every {@code
 * evidence} script, and the first script of every leaf folder under {@code index/} and {@code
 * random/} ({@code index/view/10/slt_good_0.test} is empty in the corpus, so that folder's first
 * script with records, {@code slt_good_1}, stands for it).
 *
 * <p>All of them hold about 340,000 records; at the front end's cost per statement (parsing and
 * validating each one, a few milliseconds) they take longer than a build should, so a build runs
 * {@link #BUILD}, which samples every kind of script within a few minutes, {@code -Dslt.corpus=all}
 * runs every script above, and {@code -Dslt.scripts=in1,groupby} runs only the scripts so named.
 */
final class SltCorpus {
  private SltCorpus() {}

  static final List<String> SELECT =
      List.of("select1.test", "select2.test", "select3.test", "select4.test", "select5.test");

  static final List<String> EVIDENCE =
      List.of(
          "evidence/in1.test",
          "evidence/in2.test",
          "evidence/slt_lang_aggfunc.test",
          "evidence/slt_lang_createtrigger.test",
          "evidence/slt_lang_createview.test",
          "evidence/slt_lang_dropindex.test",
          "evidence/slt_lang_droptable.test",
          "evidence/slt_lang_droptrigger.test",
          "evidence/slt_lang_dropview.test",
          "evidence/slt_lang_reindex.test",
          "evidence/slt_lang_replace.test",
          "evidence/slt_lang_update.test");

  static final List<String> INDEX =
      List.of(
          "index/between/1/slt_good_0.test",
          "index/between/10/slt_good_0.test",
          "index/between/100/slt_good_0.test",
          "index/between/1000/slt_good_0.test",
          "index/commute/10/slt_good_0.test",
          "index/commute/100/slt_good_0.test",
          "index/commute/1000/slt_good_0.test",
          "index/delete/1/slt_good_0.test",
          "index/delete/10/slt_good_0.test",
          "index/delete/100/slt_good_0.test",
          "index/delete/1000/slt_good_0.test",
          "index/delete/10000/slt_good_0.test",
          "index/in/10/slt_good_0.test",
          "index/in/100/slt_good_0.test",
          "index/in/1000/slt_good_0.test",
          "index/orderby/10/slt_good_0.test",
          "index/orderby/100/slt_good_0.test",
          "index/orderby/1000/slt_good_0.test",
          "index/orderby_nosort/10/slt_good_0.test",
          "index/orderby_nosort/100/slt_good_0.test",
          "index/orderby_nosort/1000/slt_good_0.test",
          "index/random/10/slt_good_0.test",
          "index/random/100/slt_good_0.test",
          "index/random/1000/slt_good_0.test",
          "index/view/10/slt_good_1.test",
          "index/view/100/slt_good_0.test",
          "index/view/1000/slt_good_0.test",
          "index/view/10000/slt_good_0.test");

  static final List<String> RANDOM =
      List.of(
          "random/aggregates/slt_good_0.test",
          "random/expr/slt_good_0.test",
          "random/groupby/slt_good_0.test",
          "random/select/slt_good_0.test");

  /**
   * The index and random scripts a build runs, chosen for their cost: queries over small and large
   * tables, joins, aggregates, and (in {@code index/delete/10}) the write path.
   */
  static final List<String> BUILD =
      List.of(
          "index/delete/10/slt_good_0.test",
          "index/random/1000/slt_good_0.test",
          "index/commute/1000/slt_good_0.test",
          "random/select/slt_good_0.test",
          "random/aggregates/slt_good_0.test");

  /**
   * The scripts to run: {@code select*}, evidence and {@link #BUILD}, or all with the property; or
   * only those {@code -Dslt.scripts} names, comma-separated, each a script's path in the corpus
   * ({@code evidence/in1.test}) or a part of it ({@code groupby}).
   */
  static Stream<String> scripts() {
    boolean all = "all".equals(System.getProperty("slt.corpus"));
    String only = System.getProperty("slt.scripts", "").strip();
    Stream<String> scripts =
        only.isEmpty()
            ? Stream.of(SELECT, EVIDENCE, all ? INDEX : BUILD, all ? RANDOM : List.<String>of())
                .flatMap(List::stream)
            : Stream.of(SELECT, EVIDENCE, INDEX, RANDOM)
                .flatMap(List::stream)
                .filter(name -> named(name, only));
    return scripts.distinct();
  }

  private static boolean named(String script, String names) {
    for (String name : names.split(",")) {
      if (!name.isBlank() && script.contains(name.strip())) {
        return true;
      }
    }
    return false;
  }
}
