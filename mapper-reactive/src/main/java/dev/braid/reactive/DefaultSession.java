package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.WriteOnlyQuery;
import dev.braid.core.internal.plan.raw.RawStatement;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.util.Require;
import dev.braid.dialect.Dialect;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.StatementMeter;
import dev.braid.reactive.internal.flush.FlushExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import dev.braid.relation.WriteOnlyCollection;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A session on one connection: the {@link Session} API as a facade. Each operation passes the
 * {@link SessionGate} (queued, one at a time, on an active transaction) and is handed to the part that does it:
 * {@link SessionTransaction} (flushes, commit, rollback, savepoints, release), {@link SessionQueries}
 * (queries, projections, bulk writes by filter), {@link SessionSql} (raw SQL), {@link RowReader}
 * ({@code get}, refresh), {@link CoalescedLoads} (explicit loads, merged per path), {@link MergeExecutor}; plans come from mapper-core.
 */
final class DefaultSession implements Session {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;
    private final UnitOfWork unitOfWork;
    private final SessionGate gate;
    private final SessionTransaction transaction;
    private final RowReader rows;
    private final MergeExecutor merger;
    private final SessionQueries queries;
    private final SessionSql sql;
    private final CountedWrites counted;
    private final SessionUpserts upserts;
    private final CoalescedLoads loads;
    private final SessionFetches fetches;

    DefaultSession(Connection connection, MappingRegistry registry, QueryPlanner planner, SqlRenderer renderer,
                   StatementExecutor executor, FlushExecutor flushExecutor, boolean transactional, boolean external,
                   TransactionControl tx, SessionHooks hooks) {
        this.identityMap = new IdentityMap(hooks.afterLoad());
        this.hydrator = new EntityHydrator(identityMap);
        this.registry = registry;
        this.planner = planner;
        GraphLoader graphLoader = new GraphLoader(planner, executor);
        this.unitOfWork = new UnitOfWork(registry, identityMap, renderer, hooks.values());
        this.transaction = new SessionTransaction(connection, executor, flushExecutor, unitOfWork, transactional, external, tx,
                hooks.beforeFlush(), hooks.replicas());
        this.gate = new SessionGate(transaction);
        this.rows = new RowReader(connection, planner, executor, graphLoader, identityMap, hydrator);
        this.merger = new MergeExecutor(registry, planner, rows, graphLoader, transaction, identityMap, hydrator, unitOfWork);
        this.queries = new SessionQueries(registry, planner, renderer, executor, graphLoader, gate, rows, identityMap, hydrator);
        this.sql = new SessionSql(registry, planner, executor, graphLoader, gate, identityMap, hydrator);
        this.counted = new CountedWrites(unitOfWork, transaction);
        this.upserts = new SessionUpserts(registry, renderer, executor, identityMap, gate);
        this.loads = new CoalescedLoads(registry, planner, graphLoader, identityMap, hydrator, gate);
        this.fetches = new SessionFetches(registry, loads);
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
        return new DefaultSelect<>(queries, Query.from(type));
    }

    @Override
    public <T> Select<T> select(WriteOnlyCollection<T> collection) {
        return new DefaultSelect<>(queries, WriteOnlyQuery.of(registry, collection));
    }

    @Override
    public <R> Projection<R> select(ProjectionQuery<R> query) {
        return new DefaultProjection<>(queries, Require.nonNull(query, "query"));
    }

    @Override
    public <T> Upsert<T, T> upsert(T entity) {
        return DefaultUpsert.of(upserts, entity);
    }

    @Override
    public <T> Upsert<T, List<T>> upsertAll(Class<T> type, Iterable<? extends T> entities) {
        return DefaultUpsert.all(upserts, type, entities);
    }

    @Override
    public <O, T> Mono<Boolean> link(O owner, Relation<O, T> relation, T target) {
        return upserts.link(owner, relation, target, true);
    }

    @Override
    public <O, T> Mono<Boolean> unlink(O owner, Relation<O, T> relation, T target) {
        return upserts.link(owner, relation, target, false);
    }

    @Override
    public RawSql sql(String sql) {
        return new DefaultRawSql(this.sql, RawStatement.parse(sql));
    }

    @Override
    public Mono<Void> load(Object entity, Relation<?, ?>... path) {
        return load(List.of(entity), path);
    }

    @Override
    public Mono<Void> load(Collection<?> entities, Relation<?, ?>... path) {
        Require.argument(path.length > 0, "load(...) needs a relationship, e.g. session.load(author, Author_.books)");
        Mono<Void> load = loads.load(entities, path);
        // Under a budget, its loads are marked explicit: repeated, they are the N+1 the budget's error names.
        return transaction.fence().meter() == null ? load : load.contextWrite(StatementMeter.EXPLICIT_LOAD);
    }

    @Override
    public <E, T> Mono<T> fetch(E owner, Relation<E, T> relation) {
        return fetches.one(owner, relation);
    }

    @Override
    public Session budget(int statements) {
        Require.argument(statements >= 0, "session.budget(n) takes n >= 0, was " + statements);
        StatementMeter current = transaction.fence().meter();
        transaction.fence().meter(new StatementMeter(statements, "session.budget(" + statements + ")",
                current == null ? null : current.sink()));
        return this;
    }

    /** Makes this a read-only session: every write is refused, unsent, with {@code BRAID_READ_ONLY}. */
    DefaultSession readOnly() {
        transaction.fence().readOnly();
        return this;
    }

    /** Starts the session's budget (see {@link SessionBudgets}); a session that has one already keeps it. */
    void adoptBudget(@Nullable StatementMeter meter) {
        if (meter != null && transaction.fence().meter() == null) transaction.fence().meter(meter);
    }

    @Override
    public <E, T> Mono<List<T>> fetchAll(E owner, Relation<E, T> relation) {
        return fetches.all(owner, relation);
    }

    @Override
    public <T> Mono<T> add(T entity) {
        return gate.guarded("add", () -> Mono.fromCallable(() -> {
            transaction.requireActive();
            unitOfWork.add(entity);
            return entity;
        }));
    }

    @Override
    public Mono<Void> addAll(Iterable<?> entities) {
        return gate.guarded("addAll", () -> Mono.fromRunnable(() -> {
            transaction.requireActive();
            for (Object entity : entities) {
                unitOfWork.add(entity);
            }
        }));
    }

    @Override
    public Mono<Void> delete(Object entity) {
        return gate.guarded("delete", () -> Mono.fromRunnable(() -> {
            transaction.requireActive();
            unitOfWork.delete(entity);
        }));
    }

    @Override
    public Mono<Void> deleteAll(Iterable<?> entities) {
        return gate.guarded("deleteAll", () -> Mono.fromRunnable(() -> {
            transaction.requireActive();
            unitOfWork.deleteAll(entities);
        }));
    }

    @Override
    public <T> Mono<Long> deleteByKeys(Class<T> type, Iterable<?> ids) {
        return active("deleteByKeys(" + (type == null ? null : type.getSimpleName()) + ")", () -> counted.deleteByKeys(type, ids));
    }

    @Override
    public Mono<Void> flush() {
        return active("flush", transaction::flush);
    }

    @Override
    public Mono<FlushResult> flushWithCounts() {
        return active("flush", counted::flush);
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
        return gate.guarded("rollback", transaction::rollback);
    }

    @Override
    public Mono<Void> expunge(Object entity) {
        return gate.guarded("expunge", () -> Mono.fromRunnable(() -> unitOfWork.expunge(entity)));
    }

    @Override
    public <T> Mono<T> merge(T entity) {
        return active("merge", () -> merger.merge(entity));
    }

    @Override
    public <T> Flux<T> nested(Function<Session, ? extends Publisher<T>> work) {
        return Flux.defer(() -> Savepoints.around(transaction,
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
        // The connection goes back even when the rollback or the undo fails (the error is still reported).
        return transaction.rollbackScope().onErrorResume(e -> release().then(Mono.error(e))).then(Mono.defer(this::release));
    }

    /** Flushes before an external transaction commits; fails when a flush in it failed (it must roll back). */
    Mono<Void> flushBeforeExternalCommit() {
        return active("flush before the managed transaction commits", transaction::flush);
    }

    /**
     * Waits for the cleanups of cancelled operations and the last write, and refuses statements from now on
     * (before the external COMMIT or ROLLBACK).
     */
    Mono<Void> endStatements() {
        return transaction.endStatements();
    }

    /**
     * Ends a session that joined an external transaction: its objects follow the outcome, the session closes
     * and its objects are detached; the connection is the transaction manager's to release.
     */
    void endExternal(boolean committed) {
        gate.close();
        transaction.externalCompletion(committed);
        identityMap.clear();
    }

    /**
     * With replicas, after the external transaction this session joined committed: records the primary's log
     * position (see {@link WritePositions}), also when Braid wrote nothing in it (the transaction's other writers did).
     */
    Mono<Void> recordExternalCommit() {
        return transaction.recordPosition(true);
    }

    Mono<Void> closeAfterSuccess() {
        return release();
    }

    Mono<Void> closeAfterFailure() {
        return transaction.endFailedFlush().onErrorResume(e -> release().then(Mono.error(e))).then(Mono.defer(this::release));
    }

    /** Closes the session (later use fails), detaches its objects and releases the connection. */
    Mono<Void> release() {
        gate.close();
        identityMap.clear(); // objects outlive the scope as detached plain objects
        return transaction.release();
    }

    private <T> Mono<T> active(String operation, Supplier<Mono<T>> body) {
        return gate.active(operation, body);
    }
}
