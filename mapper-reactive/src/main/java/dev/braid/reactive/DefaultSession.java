package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.plan.load.BulkDelete;
import dev.braid.core.internal.plan.load.BulkUpdate;
import dev.braid.core.internal.plan.raw.RawStatement;
import dev.braid.core.internal.plan.upsert.LinkWrite;
import dev.braid.core.internal.plan.upsert.UpsertPlan;
import dev.braid.core.internal.plan.upsert.UpsertRequest;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.query.Assignment;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.core.internal.plan.load.ExplicitLoad;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.SelectPlan;
import dev.braid.core.internal.plan.load.WriteOnlyQuery;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import dev.braid.relation.WriteOnlyCollection;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.flush.FlushExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import io.r2dbc.spi.Connection;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A session on one connection: the {@link Session} API as a facade. Each operation passes the
 * {@link OperationGuard} (one at a time), checks the transaction is active, and hands the work to the
 * part that does it: {@link SessionTransaction} (flushes, commit, rollback, savepoints, release),
 * {@link RowReader} (queries and refresh), {@link GraphLoader} (explicit loads), {@link MergeExecutor},
 * {@link WindowedStream}; plans come from mapper-core.
 */
final class DefaultSession implements Session {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final GraphLoader graphLoader;
    private final IdentityMap identityMap = new IdentityMap();
    private final EntityHydrator hydrator = new EntityHydrator(identityMap);
    private final UnitOfWork unitOfWork;
    private final OperationGuard guard = new OperationGuard();
    private final SessionTransaction transaction;
    private final RowReader rows;
    private final MergeExecutor merger;
    private final RawSqlRunner raw;
    private final dev.braid.core.internal.plan.load.ProjectionPlanner projections;
    private final ProjectionReader projectionReader;
    private final UpsertRunner upserts;
    private final SqlRenderer renderer;

    DefaultSession(Connection connection, MappingRegistry registry, QueryPlanner planner, SqlRenderer renderer,
                   StatementExecutor executor, FlushExecutor flushExecutor, boolean transactional, boolean external,
                   TransactionControl tx) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.graphLoader = new GraphLoader(planner, executor);
        this.unitOfWork = new UnitOfWork(registry, identityMap, renderer);
        this.transaction = new SessionTransaction(connection, executor, flushExecutor, unitOfWork, transactional, external, tx);
        this.rows = new RowReader(connection, planner, executor, graphLoader, identityMap, hydrator);
        this.merger = new MergeExecutor(registry, planner, rows, graphLoader, transaction, identityMap, hydrator, unitOfWork);
        this.raw = new RawSqlRunner(connection, executor, graphLoader, identityMap, hydrator);
        this.projections = new dev.braid.core.internal.plan.load.ProjectionPlanner(registry, renderer, planner.loads());
        this.projectionReader = new ProjectionReader(connection, executor, graphLoader, identityMap, hydrator);
        this.renderer = renderer;
        this.upserts = new UpsertRunner(connection, executor, renderer, identityMap);
    }

    QueryPlanner planner() {
        return planner;
    }

    MappingRegistry registry() {
        return registry;
    }

    @Override
    public Dialect dialect() {
        return planner.dialect();
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        return active("get(" + type.getSimpleName() + ", " + id + ")",
                () -> rows.get(registry.entity(type).keyFor(id), type, transaction.autoflush()));
    }

    @Override
    public <T> Select<T> select(Class<T> type) {
        registry.entity(type); // fail at once, naming the class, if it is not mapped
        return new DefaultSelect<>(this, Query.from(type));
    }

    @Override
    public <T> Select<T> select(WriteOnlyCollection<T> collection) {
        return new DefaultSelect<>(this, WriteOnlyQuery.of(registry, collection));
    }

    <T> Flux<T> stream(Query<T> query) {
        return select(query, false);
    }

    /** A query whose results the session does not track (see {@link Select#readOnly()}). */
    <T> Flux<T> streamReadOnly(Query<T> query) {
        return select(query, true);
    }

    private <T> Flux<T> select(Query<T> query, boolean readOnly) {
        return activeFlux("select " + query.entityType().getSimpleName(), () -> {
            SelectPlan plan = planner.select(query);
            return transaction.autoflush().thenMany(readOnly ? rows.readOnly(plan, query.entityType())
                    : rows.tracked(plan, query.entityType()));
        });
    }

    <T> Flux<T> streamWindows(Query<T> query, int window) {
        return activeFlux("stream " + query.entityType().getSimpleName(), () -> {
            return transaction.autoflush().thenMany(new WindowedStream<>(transaction.connection(), planner, executor,
                    graphLoader, transaction.transactional(), query, window, transaction.nextName("braid_cursor_"),
                    transaction::afterCancel).flux());
        });
    }

    @Override
    public <R> Projection<R> select(dev.braid.query.ProjectionQuery<R> query) {
        return new DefaultProjection<>(this, dev.braid.core.internal.util.Require.nonNull(query, "query"));
    }

    dev.braid.core.internal.plan.load.ProjectionPlanner projections() {
        return projections;
    }

    /** A projection's results; planned before the autoflush, so an invalid one sends nothing. */
    Flux<Object> project(dev.braid.query.ProjectionQuery<?> query) {
        return activeFlux("select " + query, () -> {
            dev.braid.core.internal.plan.load.ProjectionPlan plan = projections.plan(query);
            return transaction.autoflush().thenMany(projectionReader.read(plan));
        });
    }

    Mono<Long> bulkDelete(Query<?> query) {
        return active("delete " + query.entityType().getSimpleName(), () -> {
            // Planned before the autoflush: a query that is not a plain filter is rejected before anything is sent.
            BulkDelete delete = BulkDelete.of(registry, planner, query);
            return transaction.autoflush().then(rows.delete(delete));
        });
    }

    Mono<Long> bulkUpdate(Query<?> query, List<Assignment> assignments) {
        return active("update " + query.entityType().getSimpleName(), () -> {
            // Planned before the autoflush: bad assignments are rejected before anything is sent.
            BulkUpdate update = BulkUpdate.of(registry, planner, query, assignments);
            return transaction.autoflush().then(rows.update(update, transaction::uncommittedWrite));
        });
    }

    RenderedSql updateSql(Query<?> query, List<Assignment> assignments) {
        return BulkUpdate.of(registry, planner, query, assignments).plain();
    }

    @Override
    public <T> Upsert<T, T> upsert(T entity) {
        return DefaultUpsert.of(this, entity);
    }

    @Override
    public <T> Upsert<T, List<T>> upsertAll(Class<T> type, Iterable<? extends T> entities) {
        return DefaultUpsert.all(this, type, entities);
    }

    /** Runs an upsert: planned (and checked) before the autoflush, so bad input sends nothing. */
    Mono<List<Object>> upsert(UpsertRequest request) {
        return active("upsert " + request.type().getSimpleName(), () -> {
            UpsertPlan plan = UpsertPlan.of(registry, renderer, request, identityMap);
            return transaction.autoflush().then(upserts.run(plan, transaction::uncommittedWrite));
        });
    }

    List<RenderedSql> upsertSql(UpsertRequest request) {
        UpsertPlan plan = UpsertPlan.of(registry, renderer, request, identityMap);
        return plan.chunks().stream().map(plan::statement).toList();
    }

    @Override
    public <O, T> Mono<Boolean> link(O owner, Relation<O, T> relation, T target) {
        return linkWrite(owner, relation, target, true);
    }

    @Override
    public <O, T> Mono<Boolean> unlink(O owner, Relation<O, T> relation, T target) {
        return linkWrite(owner, relation, target, false);
    }

    private Mono<Boolean> linkWrite(Object owner, Relation<?, ?> relation, Object target, boolean insert) {
        return active((insert ? "link " : "unlink ") + relation, () -> {
            LinkWrite link = LinkWrite.of(registry, identityMap, relation, owner, target, insert);
            return transaction.autoflush().then(upserts.link(link));
        });
    }

    @Override
    public RawSql sql(String sql) {
        return new DefaultRawSql(this, RawStatement.parse(sql));
    }

    /** The raw statement rendered for this dialect, reported as {@code RAW_SQL} of {@code entity} (or of no type). */
    RenderedSql renderRaw(RawStatement statement, EntityMapping entity) {
        return statement.render(planner.dialect(), StatementOrigin.of(StatementOrigin.Kind.RAW_SQL,
                entity == null ? null : entity.type()));
    }

    Mono<Long> rawExecute(RawStatement statement) {
        return active("sql " + statement.quoted(), () -> {
            RenderedSql sql = renderRaw(statement, null); // unbound parameters fail before the autoflush
            return transaction.autoflush().then(raw.execute(sql));
        });
    }

    Flux<Object> rawAll(RawStatement statement, Function<RawSqlRunner, RawSqlRunner.Plan> plan) {
        return activeFlux("sql " + statement.quoted(), () -> {
            RawSqlRunner.Plan p = plan.apply(raw);
            return transaction.autoflush().thenMany(raw.all(p));
        });
    }

    Mono<Object> rawSingle(RawStatement statement, Function<RawSqlRunner, RawSqlRunner.Plan> plan, boolean exactlyOne) {
        return active("sql " + statement.quoted(), () -> {
            RawSqlRunner.Plan p = plan.apply(raw);
            return transaction.autoflush().then(raw.single(p, exactlyOne));
        });
    }

    Mono<Long> count(Query<?> query) {
        return active("count " + query.entityType().getSimpleName(), () -> {
            var sql = planner.count(query);
            return transaction.autoflush().then(rows.count(sql));
        });
    }

    Mono<Boolean> exists(Query<?> query) {
        return active("exists " + query.entityType().getSimpleName(), () -> {
            var sql = planner.exists(query);
            return transaction.autoflush().then(rows.exists(sql));
        });
    }

    @Override
    public Mono<Void> load(Object entity, Relation<?, ?>... path) {
        return load(List.of(entity), path);
    }

    @Override
    public Mono<Void> load(Collection<?> entities, Relation<?, ?>... path) {
        return active("load " + List.of(path), () -> {
            List<LoadNode> nodes = ExplicitLoad.plan(registry, planner.loads(), identityMap, entities, path);
            return transaction.autoflush().then(graphLoader.load(transaction.connection(), identityMap, hydrator,
                    entities, nodes, Set.of()));
        });
    }

    @Override
    public <T> Mono<T> add(T entity) {
        return guard.mono("add", () -> Mono.fromCallable(() -> {
            transaction.requireActive();
            unitOfWork.add(entity);
            return entity;
        }));
    }

    @Override
    public Mono<Void> addAll(Iterable<?> entities) {
        return guard.mono("addAll", () -> Mono.fromRunnable(() -> {
            transaction.requireActive();
            for (Object entity : entities) {
                unitOfWork.add(entity);
            }
        }));
    }

    @Override
    public Mono<Void> delete(Object entity) {
        return guard.mono("delete", () -> Mono.fromRunnable(() -> {
            transaction.requireActive();
            unitOfWork.delete(entity);
        }));
    }

    @Override
    public Mono<Void> flush() {
        return active("flush", transaction::flush);
    }

    @Override
    public <T> Mono<T> refresh(T entity) {
        return active("refresh", () -> rows.refresh(entity, transaction.awaitCleanup()));
    }

    @Override
    public boolean contains(Object entity) {
        return identityMap.contains(entity);
    }

    /** The end-of-scope flush, as a publisher that emits nothing. */
    <T> Mono<T> flushAtEnd() {
        return active("flush at end of scope", transaction::flush).then(Mono.empty());
    }

    @Override
    public Mono<Void> commit() {
        return active("commit", transaction::commit);
    }

    @Override
    public Mono<Void> rollback() {
        return guard.mono("rollback", transaction::rollback);
    }

    @Override
    public Mono<Void> expunge(Object entity) {
        return guard.mono("expunge", () -> Mono.fromRunnable(() -> unitOfWork.expunge(entity)));
    }

    @Override
    public <T> Mono<T> merge(T entity) {
        return active("merge", () -> merger.merge(entity));
    }

    @Override
    public <T> Flux<T> nested(Function<Session, ? extends Publisher<T>> work) {
        return Flux.defer(() -> transaction.inSavepoint(
                Flux.defer(() -> Flux.from(work.apply(this))).concatWith(flushAtEnd())));
    }

    /** Begins the scope's transaction, as the first part of its work (so the scope's cleanup covers it). */
    Mono<Void> beginScope() {
        return transaction.beginScope();
    }

    /** Commits the transaction, as the last part of the scope's work: a failing COMMIT is the scope's error. */
    <T> Mono<T> commitScope() {
        return transaction.commitScope().then(Mono.empty());
    }

    /** Ends a failed or cancelled transactional scope: rollback, undo of its flushes, release. */
    Mono<Void> rollbackAndClose() {
        return transaction.rollbackScope().then(Mono.defer(this::release));
    }

    /** Flushes before an external transaction commits; fails when a flush in it failed (it must roll back). */
    Mono<Void> flushBeforeExternalCommit() {
        return active("flush before the managed transaction commits", transaction::flush);
    }

    /** Waits for the cleanups of cancelled operations (before the external COMMIT or ROLLBACK). */
    Mono<Void> awaitCleanup() {
        return transaction.awaitCleanup();
    }

    /**
     * Ends a session that joined an external transaction: its objects follow the outcome, the session closes
     * and its objects are detached; the connection is the transaction manager's to release.
     */
    void endExternal(boolean committed) {
        guard.close();
        transaction.externalCompletion(committed);
        identityMap.clear();
    }

    Mono<Void> closeAfterSuccess() {
        return release();
    }

    Mono<Void> closeAfterFailure() {
        return transaction.endFailedFlush().then(Mono.defer(this::release));
    }

    /** Closes the session (later use fails), detaches its objects and releases the connection. */
    Mono<Void> release() {
        guard.close();
        identityMap.clear(); // objects outlive the scope as detached plain objects
        return transaction.release();
    }

    // An operation through the guard, on an active transaction (see SessionTransaction#requireActive).
    private <T> Mono<T> active(String operation, Supplier<Mono<T>> body) {
        return guard.mono(operation, () -> {
            transaction.requireActive();
            return body.get();
        });
    }

    private <T> Flux<T> activeFlux(String operation, Supplier<Flux<T>> body) {
        return guard.flux(operation, () -> {
            transaction.requireActive();
            return body.get();
        });
    }
}
