package io.pluresdb.crdt.schema;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the schema. {@code version} grows with every applied schema change, so
 * planners can key caches by it.
 */
public record Catalog(
    long version,
    Map<String, TableDef> tables,
    Map<String, IndexDef> indexes,
    Map<String, ViewDef> views,
    Map<String, SequenceDef> sequences,
    Map<String, TriggerDef> triggers,
    Map<String, Setting> settings,
    Map<String, PolicyDef> policies) {

  public Catalog {
    // absent from catalogs stored before policies existed; keyed by PolicyDef#key
    policies = Names.frozen(policies == null ? Map.of() : policies);
    // absent from catalogs stored before settings were kept
    settings = Names.frozen(settings == null ? Map.of() : settings);
    // absent from catalogs stored before triggers existed
    triggers = Names.frozen(triggers == null ? Map.of() : triggers);
    // Names match ignoring case, as in SQLite (see Names)
    tables = Names.frozen(tables);
    indexes = Names.frozen(indexes);
    views = Names.frozen(views);
    // absent from catalogs stored before sequences existed
    sequences = Names.frozen(sequences == null ? Map.of() : sequences);
  }

  /** A catalog without policies. */
  public Catalog(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views,
      Map<String, SequenceDef> sequences,
      Map<String, TriggerDef> triggers,
      Map<String, Setting> settings) {
    this(version, tables, indexes, views, sequences, triggers, settings, Map.of());
  }

  /** A catalog without settings. */
  public Catalog(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views,
      Map<String, SequenceDef> sequences,
      Map<String, TriggerDef> triggers) {
    this(version, tables, indexes, views, sequences, triggers, Map.of());
  }

  /** A catalog without triggers. */
  public Catalog(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views,
      Map<String, SequenceDef> sequences) {
    this(version, tables, indexes, views, sequences, Map.of());
  }

  /** A catalog without sequences. */
  public Catalog(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views) {
    this(version, tables, indexes, views, Map.of());
  }

  public static Catalog empty() {
    return new Catalog(0, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** The table of that name, in any case, or null. */
  public @Nullable TableDef table(String name) {
    return tables.get(name);
  }

  /** This catalog with other tables, indexes and views, and the rest kept. */
  public Catalog with(
      long version,
      Map<String, TableDef> tables,
      Map<String, IndexDef> indexes,
      Map<String, ViewDef> views) {
    return new Catalog(version, tables, indexes, views, sequences, triggers, settings, policies);
  }

  /** A {@link Setting}'s value ({@code user_version}, {@code application_id}); 0 when never set. */
  public long setting(String name) {
    Setting s = settings.get(name);
    return s == null ? 0L : s.value();
  }

  /** This catalog with other triggers and policies, the rest kept, at {@code version}. */
  public Catalog withRules(
      long version, Map<String, TriggerDef> triggers, Map<String, PolicyDef> policies) {
    return new Catalog(version, tables, indexes, views, sequences, triggers, settings, policies);
  }

  /** The policies on a table, by name. */
  public Collection<PolicyDef> policiesOf(String table) {
    return policies.values().stream().filter(p -> Names.same(p.table(), table)).toList();
  }

  /** The triggers on a table or view. */
  public Collection<TriggerDef> triggersOf(String table) {
    return triggers.values().stream().filter(t -> Names.same(t.table(), table)).toList();
  }

  public Collection<IndexDef> indexesOf(String table) {
    return indexes.values().stream().filter(i -> Names.same(i.table(), table)).toList();
  }
}
