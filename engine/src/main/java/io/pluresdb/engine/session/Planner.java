package io.pluresdb.engine.session;

import io.pluresdb.crdt.schema.Catalog;
import io.pluresdb.crdt.store.Store;
import io.pluresdb.engine.api.Planned;
import io.pluresdb.engine.api.Session;
import io.pluresdb.engine.live.LiveQueries;
import io.pluresdb.engine.threads.EngineRuntime;
import io.pluresdb.engine.vector.HnswIndexes;
import io.pluresdb.sql.catalog.CalciteCatalogs;
import io.pluresdb.sql.plan.Plan;
import io.pluresdb.sql.plan.PlanCache;
import io.pluresdb.sql.plan.StatementPlanner;
import io.pluresdb.sql.shape.DirectInserts;
import io.pluresdb.sql.shape.InsertShapes;
import io.pluresdb.sql.shape.PlanUnifier;
import io.pluresdb.sql.shape.QueryShapes;
import io.pluresdb.sql.shape.Shaped;
import io.pluresdb.sync.scope.ScopeSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SQL front end of one store: parses, validates and plans statements, and caches plans by SQL
 * text (or, for INSERT … VALUES of literals, by shape) and schema version. Thread-safe; shared by
 * every connection to the store.
 */
public final class Planner {
  private static final int CACHE_CAPACITY = 2048;

  private final Store store;
  private final CalciteCatalogs schemas = new CalciteCatalogs();
  private final PlanCache cache = new PlanCache(CACHE_CAPACITY);
  private final ScopeSet scopes = new ScopeSet();

  /** Plans of INSERT … VALUES shapes, shared by the statements that differ only in literals. */
  private final ShapedPlans shapes = new ShapedPlans(CACHE_CAPACITY);

  /** Plans of other statements' shapes, learned by comparing plans of their texts. */
  private final LearnedShapes learned = new LearnedShapes(CACHE_CAPACITY);

  /** Subscriptions, whose text is a bare query that means something else as a statement. */
  private final PlanCache subscriptions = new PlanCache(CACHE_CAPACITY / 8);

  private final AtomicLong plansMade = new AtomicLong();
  private final EngineRuntime runtime;
  private final LiveQueries live;
  private volatile HnswIndexes vectorIndexes;

  /** The planner of {@code store}, whose sessions and live queries run on {@code runtime}. */
  public Planner(Store store, EngineRuntime runtime) {
    this.store = store;
    this.runtime = runtime;
    this.live = new LiveQueries(store, runtime);
  }

  /** The threads of the engine this planner serves. */
  public EngineRuntime runtime() {
    return runtime;
  }

  public Store store() {
    return store;
  }

  /**
   * The live-query reactor of this store; the engine starts it ({@link LiveQueries#start}) and
   * stops it before the store closes.
   */
  public LiveQueries live() {
    return live;
  }

  /** Lets top-k queries search the HNSW indexes maintained by {@code indexes}. */
  public void useVectorIndexes(HnswIndexes indexes) {
    this.vectorIndexes = indexes;
  }

  /** The HNSW indexes of the store, or null when none are maintained. */
  public HnswIndexes vectorIndexes() {
    return vectorIndexes;
  }

  /** The scopes this node holds (CREATE SCOPE), which its replication sends to its peers. */
  public ScopeSet scopes() {
    return scopes;
  }

  /** A session for one JDBC connection. */
  public Session openSession() throws SQLException {
    return new PluresSession(this);
  }

  /**
   * The plan of a statement for a catalog: from the cache when the text was planned for this
   * catalog version, else planned now. Plans made against a catalog that is not committed (a
   * transaction's own DDL) are not cached, since another session may commit a different schema
   * under the same version number.
   */
  public Plan plan(String sql, Catalog catalog, boolean cacheable) throws SQLException {
    if (cacheable) {
      Plan cached = cache.get(sql, catalog.version());
      if (cached != null) {
        return cached;
      }
    }
    Plan plan = planText(sql, catalog, schemas);
    plansMade.incrementAndGet();
    if (cacheable) {
      cache.put(sql, catalog.version(), plan);
    }
    return plan;
  }

  /**
   * The plan of a statement's text: a plain INSERT of parameters without the parser ({@link
   * DirectInserts}), anything else through it.
   */
  static Plan planText(String sql, Catalog catalog, CalciteCatalogs schemas) throws SQLException {
    Plan direct = DirectInserts.plan(sql, catalog);
    return direct != null ? direct : StatementPlanner.plan(sql, catalog, schemas);
  }

  /**
   * The plan of a statement a session prepares: for a plain INSERT … VALUES of literals on a
   * committed catalog, the plan of its shape with the literals to bind (planned once per shape, see
   * {@link InsertShapes}); for another statement whose shape's plan was learned ({@link
   * LearnedShapes}), that plan with its literals to bind; else the plan of its text, with no
   * literals.
   */
  public Planned.For prepare(String sql, Catalog catalog, boolean committed) throws SQLException {
    if (committed) {
      Shaped shaped = InsertShapes.of(sql);
      if (shaped != null) {
        Plan plan = shapes.plan(shaped, catalog, schemas, plansMade::incrementAndGet);
        if (plan != null) {
          return new Planned.For(plan, catalog.version(), null, shaped.literals());
        }
      }
      Shaped query = QueryShapes.of(sql);
      if (query != null) {
        PlanUnifier.Template learnt = learned.template(query, catalog.version());
        if (learnt != null) {
          return new Planned.For(learnt.plan(), catalog.version(), null, query.literals());
        }
        Plan plan = plan(sql, catalog, true);
        learned.learn(query, catalog.version(), plan);
        return new Planned.For(plan, catalog.version(), null);
      }
    }
    Plan plan = plan(sql, catalog, committed);
    return new Planned.For(plan, catalog.version(), committed ? null : catalog);
  }

  /**
   * The plan of a live subscription to a query (with or without a leading SUBSCRIBE) over the
   * committed catalog, from the cache when there is one.
   */
  public Plan.Subscribe planSubscription(String sql, Catalog committed) throws SQLException {
    Plan cached = subscriptions.get(sql, committed.version());
    if (cached instanceof Plan.Subscribe sub) {
      return sub;
    }
    Plan.Subscribe plan = StatementPlanner.subscription(sql, committed, schemas);
    plansMade.incrementAndGet();
    subscriptions.put(sql, committed.version(), plan);
    return plan;
  }

  /** How many statements were planned (not served from the cache) so far. */
  public long plansMade() {
    return plansMade.get();
  }

  /** How many plan lookups the cache answered. */
  public long cacheHits() {
    return cache.hits();
  }
}
