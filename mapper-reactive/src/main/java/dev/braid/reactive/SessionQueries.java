package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.load.BulkDelete;
import dev.braid.core.internal.plan.load.BulkUpdate;
import dev.braid.core.internal.plan.load.ProjectionPlan;
import dev.braid.core.internal.plan.load.ProjectionPlanner;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.load.SelectPlan;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Assignment;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Query;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The query side of a session, behind {@link Select} and {@link Projection}: entity queries (tracked,
 * read-only, windowed streams), projections, counts, existence checks, and bulk DELETE/UPDATE by filter.
 * Every operation passes the session's {@link SessionGate} and flushes pending changes first; plans are
 * made before the autoflush, so an invalid query sends nothing.
 */
final class SessionQueries {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final StatementExecutor executor;
    private final GraphLoader graphLoader;
    private final SessionGate gate;
    private final SessionTransaction transaction;
    private final RowReader rows;
    private final ProjectionPlanner projections;
    private final ProjectionReader projectionReader;

    SessionQueries(MappingRegistry registry, QueryPlanner planner, SqlRenderer renderer, StatementExecutor executor,
                   GraphLoader graphLoader, SessionGate gate, RowReader rows, IdentityMap identityMap,
                   EntityHydrator hydrator) {
        this.registry = registry;
        this.planner = planner;
        this.executor = executor;
        this.graphLoader = graphLoader;
        this.gate = gate;
        this.transaction = gate.transaction();
        this.rows = rows;
        this.projections = new ProjectionPlanner(registry, renderer, planner.loads());
        this.projectionReader = new ProjectionReader(transaction.connection(), executor, graphLoader, identityMap, hydrator);
    }

    QueryPlanner planner() {
        return planner;
    }

    MappingRegistry registry() {
        return registry;
    }

    ProjectionPlanner projections() {
        return projections;
    }

    /** The query's results, tracked by the session. */
    <T> Flux<T> stream(Query<T> query) {
        return select(query, false);
    }

    /** A query whose results the session does not track (see {@link Select#readOnly()}). */
    <T> Flux<T> streamReadOnly(Query<T> query) {
        return select(query, true);
    }

    private <T> Flux<T> select(Query<T> query, boolean readOnly) {
        return gate.activeFlux("select " + query.entityType().getSimpleName(), () -> {
            SelectPlan plan = planner.select(query);
            ReplicaReads replicas = transaction.replicas();
            if (readOnly && replicas != null && !transaction.transactional() && !transaction.fence().isReadOnly()) {
                // Outside a transaction every flush has committed: a replica that replayed them serves the read (a
                // read-only session is on its replica already).
                return transaction.autoflush().then(transaction.recordPosition())
                        .thenMany(replicas.read("select " + query.entityType().getSimpleName() + " readOnly()",
                                connection -> rows.on(connection).readOnly(plan, query.entityType()),
                                () -> rows.readOnly(plan, query.entityType())));
            }
            return transaction.autoflush().thenMany(readOnly ? rows.readOnly(plan, query.entityType())
                    : rows.tracked(plan, query.entityType()));
        });
    }

    /** The query's results read window by window (a cursor, or keyset windows). */
    <T> Flux<T> streamWindows(Query<T> query, int window) {
        return gate.windowedFlux("stream " + query.entityType().getSimpleName(), () ->
                transaction.autoflush().thenMany(new WindowedStream<>(transaction.connection(), planner, executor,
                        graphLoader, transaction.transactional(), query, window, transaction.nextName("braid_cursor_"),
                        transaction::afterCancel).flux()));
    }

    /** A projection's results; planned before the autoflush, so an invalid one sends nothing. */
    Flux<Object> project(ProjectionQuery<?> query) {
        return gate.activeFlux("select " + query, () -> {
            ProjectionPlan plan = projections.plan(query);
            return transaction.autoflush().thenMany(projectionReader.read(plan));
        });
    }

    Mono<Long> count(Query<?> query) {
        return gate.active("count " + query.entityType().getSimpleName(), () -> {
            var sql = planner.count(query);
            return transaction.autoflush().then(rows.count(sql));
        });
    }

    Mono<Boolean> exists(Query<?> query) {
        return gate.active("exists " + query.entityType().getSimpleName(), () -> {
            var sql = planner.exists(query);
            return transaction.autoflush().then(rows.exists(sql));
        });
    }

    Mono<Long> bulkDelete(Query<?> query) {
        return gate.active("delete " + query.entityType().getSimpleName(), () -> {
            // Planned before the autoflush: a query that is not a plain filter is rejected before anything is sent.
            BulkDelete delete = BulkDelete.of(registry, planner, query);
            return transaction.autoflush().then(rows.delete(delete));
        });
    }

    Mono<Long> bulkUpdate(Query<?> query, List<Assignment> assignments) {
        return gate.active("update " + query.entityType().getSimpleName(), () -> {
            // Planned before the autoflush: bad assignments are rejected before anything is sent.
            BulkUpdate update = BulkUpdate.of(registry, planner, query, assignments);
            return transaction.autoflush().then(Mono.defer(() -> rows.locksRows(update)
                    ? transaction.atomic(undo -> rows.lockedUpdate(update, undo))
                    : rows.update(update, transaction::uncommittedWrite)));
        });
    }

    RenderedSql updateSql(Query<?> query, List<Assignment> assignments) {
        return BulkUpdate.of(registry, planner, query, assignments).plain();
    }
}
