package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.StaleDataException;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.hydrate.JoinedRowAssembler;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.BulkDelete;
import dev.braid.core.internal.plan.load.BulkUpdate;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.RowIdentity;
import dev.braid.core.internal.plan.load.SelectPlan;
import dev.braid.statement.RenderedSql;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs a session's select plans on its connection: the root rows (streamed straight through when
 * there is nothing to load after them, else read completely and assembled with their JOINED loads by
 * {@link JoinedRowAssembler}), then the relationships to load after them ({@link GraphLoader}), then
 * the roots. Also runs refresh (a held object's row read again), count, exists and bulk deletes.
 */
final class RowReader {
    private final Connection connection;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final GraphLoader graphLoader;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;

    RowReader(Connection connection, QueryPlanner planner, StatementExecutor executor, GraphLoader graphLoader,
              IdentityMap identityMap, EntityHydrator hydrator) {
        this.connection = connection;
        this.planner = planner;
        this.executor = executor;
        this.graphLoader = graphLoader;
        this.identityMap = identityMap;
        this.hydrator = hydrator;
    }

    /** This reader on another connection (a replica's, for read-only results). */
    RowReader on(Connection other) {
        return new RowReader(other, planner, executor, graphLoader, identityMap, hydrator);
    }

    /**
     * {@code session.get}: the held object without SQL (none when it is deleted), else the row read
     * after {@code before} (the autoflush), planned as a query: JOINED defaults join in the statement,
     * SELECTIN ones follow it.
     */
    <T> Mono<T> get(EntityKey key, Class<T> type, Mono<Void> before) {
        Object held = identityMap.get(key);
        if (held != null) {
            EntityState state = identityMap.stateOf(held);
            // In an inheritance hierarchy the key is the base's: the object held may be of another subclass.
            return state != null && state.status() == EntityStatus.DELETED || !type.isInstance(held) ? Mono.empty()
                    : Mono.just(type.cast(held));
        }
        SelectPlan plan = planner.get(key);
        if (plan.entity().hierarchy() != null) {
            return before.then(tracked(plan, Object.class).filter(type::isInstance).map(type::cast).singleOrEmpty());
        }
        return before.then(tracked(plan, type).singleOrEmpty());
    }

    /** The plan's roots as objects of the session (tracked), without those it deleted but did not flush yet. */
    <T> Flux<T> tracked(SelectPlan plan, Class<T> type) {
        return rows(plan, type, new GraphLoader.Target(identityMap, identityMap, hydrator, RowIdentity.always()))
                .filter(this::notDeleted);
    }

    /** The plan's roots as detached objects the session does not track (see {@link Select#readOnly()}). */
    <T> Flux<T> readOnly(SelectPlan plan, Class<T> type) {
        return Flux.defer(() -> {
            // One object per row within the result, through a map of its own, used only for rows that
            // can repeat an object (most rows cannot: plain roots, one-to-many children).
            IdentityMap keys = new IdentityMap();
            return rows(plan, type, new GraphLoader.Target(keys, null, EntityHydrator.untracked(keys), RowIdentity.of(plan)));
        });
    }

    /**
     * The plan's root entities. Without anything to load they stream straight from the result;
     * otherwise the result is read completely first (a child query must not start while it is open),
     * then the relationships are loaded level by level, then the roots are emitted.
     */
    private <T> Flux<T> rows(SelectPlan plan, Class<T> type, GraphLoader.Target target) {
        EntityMapping mapping = plan.entity();
        EntityHydrator hydrator = target.hydrator();
        boolean lookUpRoots = target.rowIdentity().roots();
        if (plan.streamable() && (mapping.hierarchy() == null || mapping.hierarchy().joined() == null)) {
            return executor.query(connection, plan.sql(), row -> type.cast(lookUpRoots
                    ? hydrator.hydrate(mapping, row, 0) : hydrator.hydrateNew(mapping, row, 0)));
        }
        JoinedRowAssembler assembler = new JoinedRowAssembler(plan, hydrator, lookUpRoots);
        return executor.consume(connection, plan.sql(), assembler::row, false)
                .then(Mono.fromRunnable(() -> assembler.assign(target.sessionObjects())))
                .thenMany(Flux.defer(() -> graphLoader.load(connection, target, assembler.roots(), true, plan.load(),
                                assembler.preloaded())
                        .thenMany(Flux.fromIterable(assembler.roots()))))
                .map(type::cast);
    }

    /** {@code SELECT COUNT(*)}: its one value. */
    Mono<Long> count(RenderedSql sql) {
        return executor.query(connection, sql, row -> row.get(0, Long.class)).single();
    }

    /** An existence probe: whether it returns a row. */
    Mono<Boolean> exists(RenderedSql sql) {
        return executor.query(connection, sql, row -> Boolean.TRUE).hasElements();
    }

    /** Runs a bulk delete; the held objects of deleted rows leave the session. Emits the number of rows deleted. */
    Mono<Long> delete(BulkDelete delete) {
        return Mono.defer(() -> delete.readsKeys(identityMap)
                ? executor.returning(connection, delete.returningKeys(), delete.keyTypes())
                        .map(deleted -> delete.forget(deleted, identityMap))
                // Nothing held that could be a deleted row: no keys to read back.
                : executor.update(connection, delete.plain()));
    }

    /**
     * Runs a bulk update. When the session holds objects of the entity, the updated rows come back and
     * those objects take their new values; {@code undo} receives what restores them on rollback.
     * Emits the number of rows updated.
     */
    Mono<Long> update(BulkUpdate update, java.util.function.Consumer<java.util.Deque<Runnable>> undo) {
        return Mono.defer(() -> update.readsRows(identityMap)
                ? executor.returning(connection, update.returningRows(), update.returnedTypes()).map(updated -> {
                    java.util.Deque<Runnable> changes = new java.util.ArrayDeque<>();
                    long count = update.apply(updated, identityMap, changes);
                    undo.accept(changes);
                    return count;
                })
                : executor.update(connection, update.plain()));
    }

    /** Whether {@link #lockedUpdate} must run (in one transaction) instead of {@link #update}. */
    boolean locksRows(BulkUpdate update) {
        return update.locked() != null && update.readsRows(identityMap);
    }

    /**
     * Runs a bulk update where UPDATE returns no rows (MariaDB): locks the matching rows and reads their keys,
     * updates those keys, reads the written columns back and gives them to the held objects. The caller runs it
     * in one transaction. Emits the number of rows updated (the keys locked).
     */
    Mono<Long> lockedUpdate(BulkUpdate update, java.util.function.Consumer<java.util.Deque<Runnable>> undo) {
        dev.braid.core.internal.plan.load.KeyLockedUpdate locked = java.util.Objects.requireNonNull(update.locked());
        return executor.returning(connection, locked.lockKeys(), locked.keyTypes()).flatMap(keys -> keys.isEmpty()
                ? Mono.just(0L)
                : Flux.fromIterable(locked.updates(keys)).concatMap(sql -> executor.update(connection, sql))
                        .thenMany(Flux.fromIterable(locked.rereads(keys))
                                .concatMap(sql -> executor.returning(connection, sql, update.returnedTypes())))
                        .collectList()
                        .map(chunks -> {
                            java.util.Deque<Runnable> changes = new java.util.ArrayDeque<>();
                            update.apply(chunks.stream().flatMap(List::stream).toList(), identityMap, changes);
                            undo.accept(changes);
                            return (long) keys.size();
                        }));
    }

    // Rows of objects deleted in this session but not flushed yet are not results (autoflush normally
    // prevents this; it matters when a flush is not possible, e.g. inside a failed transaction).
    private boolean notDeleted(Object entity) {
        EntityState state = identityMap.stateOf(entity);
        return state == null || state.status() != EntityStatus.DELETED;
    }

    /**
     * Reads a held object's row again over it, then runs its default loads.
     *
     * @param before what must complete before the read (the cleanup of cancelled operations)
     */
    <T> Mono<T> refresh(T entity, Mono<Void> before) {
        EntityState state = identityMap.stateOf(entity);
        if (state == null || state.status() != EntityStatus.PERSISTENT) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot refresh " + entity.getClass().getSimpleName()
                    + ": it is " + (state == null ? "not in this session" : state.status().name().toLowerCase(Locale.ROOT))
                    + ". Fix: refresh objects loaded (or flushed) in this session");
        }
        SelectPlan plan = planner.byKey(state.key());
        return before
                .then(executor.query(connection, plan.sql(), row -> {
                    hydrator.refresh(entity, state.mapping(), row);
                    return entity;
                }).singleOrEmpty())
                .switchIfEmpty(Mono.error(() -> new StaleDataException("Cannot refresh "
                        + state.key() + ": its row no longer exists (deleted by another transaction)."
                        + " Fix: delete or expunge the object in this session")))
                .flatMap(e -> graphLoader.load(connection, identityMap, hydrator, List.of(e), plan.load(), Set.of())
                        .thenReturn(entity));
    }
}
