package dev.braid.reactive;

import dev.braid.core.hydrate.EntityHydrator;
import dev.braid.core.identity.EntityState;
import dev.braid.core.identity.EntityStatus;
import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.plan.flush.FlushPlan;
import dev.braid.core.plan.flush.UnitOfWork;
import dev.braid.core.plan.load.QueryPlanner;
import dev.braid.core.plan.load.SelectPlan;
import dev.braid.core.query.Query;
import dev.braid.core.sql.SqlRenderer;
import dev.braid.core.sql.dialect.Dialect;
import dev.braid.reactive.exec.StatementExecutor;
import dev.braid.reactive.flush.FlushExecutor;
import io.r2dbc.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** A session on one connection. One operation at a time, enforced by {@link OperationGuard}. */
final class DefaultSession implements Session {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSession.class);

    private final Connection connection;
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final FlushExecutor flushExecutor;
    private final boolean transactional;
    private final IdentityMap identityMap = new IdentityMap();
    private final EntityHydrator hydrator = new EntityHydrator(identityMap);
    private final UnitOfWork unitOfWork;
    private final OperationGuard guard = new OperationGuard();
    // Flushes whose effects are not committed yet: undone if the transaction rolls back.
    private final List<FlushPlan> uncommitted = new ArrayList<>();
    // A non-transactional session wraps each flush in its own transaction; true while one is open.
    private volatile boolean flushTransactionOpen;

    DefaultSession(Connection connection, MappingRegistry registry, QueryPlanner planner, SqlRenderer renderer,
                   StatementExecutor executor, FlushExecutor flushExecutor, boolean transactional) {
        this.connection = connection;
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.flushExecutor = flushExecutor;
        this.transactional = transactional;
        this.unitOfWork = new UnitOfWork(registry, identityMap, renderer);
    }

    QueryPlanner planner() {
        return planner;
    }

    @Override
    public Dialect dialect() {
        return planner.dialect();
    }

    @Override
    public <T> Mono<T> get(Class<T> type, Object id) {
        return guard.mono("get(" + type.getSimpleName() + ", " + id + ")", () -> {
            EntityMapping mapping = registry.entity(type);
            EntityKey key = mapping.keyFor(id);
            Object held = identityMap.get(key);
            if (held != null) {
                EntityState state = identityMap.stateOf(held);
                return state != null && state.status() == EntityStatus.DELETED ? Mono.empty() : Mono.just(type.cast(held));
            }
            SelectPlan plan = planner.byKey(key);
            return autoflush().then(rows(plan, type).singleOrEmpty());
        });
    }

    @Override
    public <T> Select<T> select(Class<T> type) {
        registry.entity(type); // fail at once, naming the class, if it is not mapped
        return new DefaultSelect<>(this, Query.from(type));
    }

    <T> Flux<T> stream(Query<T> query) {
        return guard.flux("select " + query.entityType().getSimpleName(), () -> {
            SelectPlan plan = planner.select(query);
            return autoflush().thenMany(rows(plan, query.entityType()));
        });
    }

    Mono<Long> count(Query<?> query) {
        return guard.mono("count " + query.entityType().getSimpleName(), () -> {
            var sql = planner.count(query);
            return autoflush().then(executor.query(connection, sql, row -> row.get(0, Long.class)).single());
        });
    }

    Mono<Boolean> exists(Query<?> query) {
        return guard.mono("exists " + query.entityType().getSimpleName(), () -> {
            var sql = planner.exists(query);
            return autoflush().then(executor.query(connection, sql, row -> Boolean.TRUE).hasElements());
        });
    }

    private <T> Flux<T> rows(SelectPlan plan, Class<T> type) {
        EntityMapping mapping = plan.entity();
        return executor.query(connection, plan.sql(), row -> type.cast(hydrator.hydrate(mapping, row, 0)))
                .filter(this::notDeleted);
    }

    // Rows of objects deleted in this session but not flushed yet are not results (autoflush normally
    // prevents this; it matters when a flush is not possible, e.g. inside a failed transaction).
    private boolean notDeleted(Object entity) {
        EntityState state = identityMap.stateOf(entity);
        return state == null || state.status() != EntityStatus.DELETED;
    }

    @Override
    public <T> Mono<T> add(T entity) {
        return guard.mono("add", () -> Mono.fromCallable(() -> {
            unitOfWork.add(entity);
            return entity;
        }));
    }

    @Override
    public Mono<Void> addAll(Iterable<?> entities) {
        return guard.mono("addAll", () -> Mono.fromRunnable(() -> {
            for (Object entity : entities) {
                unitOfWork.add(entity);
            }
        }));
    }

    @Override
    public Mono<Void> delete(Object entity) {
        return guard.mono("delete", () -> Mono.fromRunnable(() -> unitOfWork.delete(entity)));
    }

    @Override
    public Mono<Void> flush() {
        return guard.mono("flush", this::flushNow);
    }

    @Override
    public boolean contains(Object entity) {
        return identityMap.contains(entity);
    }

    /** Flush before a query so it never returns results that contradict pending changes (autoflush). */
    private Mono<Void> autoflush() {
        return Mono.defer(this::flushNow);
    }

    private Mono<Void> flushNow() {
        if (!unitOfWork.hasChanges()) {
            return Mono.empty();
        }
        FlushPlan plan = unitOfWork.planFlush();
        if (transactional) {
            return flushExecutor.execute(connection, plan).doOnSuccess(v -> uncommitted.add(plan));
        }
        // Without a surrounding transaction each flush is atomic on its own.
        return Mono.defer(() -> {
                    flushTransactionOpen = true;
                    return Mono.from(connection.beginTransaction());
                })
                .then(flushExecutor.execute(connection, plan))
                .then(Mono.defer(() -> Mono.from(connection.commitTransaction())))
                .doOnSuccess(v -> {
                    flushTransactionOpen = false;
                    plan.complete();
                })
                .onErrorResume(error -> {
                    plan.abort();
                    return rollbackQuietly().then(Mono.error(error));
                });
    }

    /** The end-of-scope flush, as a publisher that emits nothing. */
    <T> Mono<T> flushAtEnd() {
        return guard.mono("flush at end of scope", this::flushNow).then(Mono.empty());
    }

    Mono<Void> commitAndClose() {
        return Mono.defer(() -> Mono.from(connection.commitTransaction()))
                .doOnSuccess(v -> {
                    uncommitted.forEach(FlushPlan::complete);
                    uncommitted.clear();
                })
                .onErrorResume(error -> {
                    // The COMMIT failed: the database rolled back, so undo what the flushes did to objects.
                    undoUncommitted();
                    return release().then(Mono.error(error));
                })
                .then(Mono.defer(this::release));
    }

    Mono<Void> rollbackAndClose() {
        return rollbackQuietly().then(Mono.defer(() -> {
            undoUncommitted();
            return release();
        }));
    }

    Mono<Void> closeAfterSuccess() {
        return release();
    }

    Mono<Void> closeAfterFailure() {
        return Mono.defer(() -> flushTransactionOpen ? rollbackQuietly() : Mono.<Void>empty()).then(Mono.defer(this::release));
    }

    private void undoUncommitted() {
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            uncommitted.get(i).abort();
        }
        uncommitted.clear();
    }

    // A rollback that fails must not hide the error that caused it: log it and go on to release.
    private Mono<Void> rollbackQuietly() {
        return Mono.defer(() -> Mono.from(connection.rollbackTransaction()))
                .doOnSuccess(v -> flushTransactionOpen = false)
                .onErrorResume(e -> {
                    LOG.warn("Rollback failed; the connection is closed anyway", e);
                    return Mono.empty();
                });
    }

    private Mono<Void> release() {
        guard.close();
        identityMap.clear(); // objects outlive the scope as detached plain objects
        return Mono.from(connection.close()).onErrorResume(e -> {
            LOG.warn("Closing the connection failed", e);
            return Mono.empty();
        });
    }
}
