package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.error.ErrorCode;
import dev.braid.error.ResultException;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import dev.braid.statement.RenderedSql;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs raw SQL on a session's connection: a write's row count, or the rows through a mapper (entities
 * through the session's hydrator, so they enter its identity map). Rows of objects deleted in the session
 * but not flushed are left out, as for queries. With relationships to load, the result is read completely
 * first (no child query may start while it is open), then loaded, then emitted; {@code one}/{@code first}
 * read the whole result but map only the rows they need.
 */
final class RawSqlRunner {
    private final Connection connection;
    private final StatementExecutor executor;
    private final GraphLoader graphLoader;
    private final IdentityMap identityMap;
    private final EntityHydrator hydrator;

    /**
     * One raw query: the statement, a fresh row mapper per run, the entity rows become (or null) and what
     * to load on them.
     */
    record Plan(RenderedSql sql, Supplier<Function<RowView, Object>> mapper, EntityMapping entity, List<LoadNode> loads) {}

    RawSqlRunner(Connection connection, StatementExecutor executor, GraphLoader graphLoader, IdentityMap identityMap,
                 EntityHydrator hydrator) {
        this.connection = connection;
        this.executor = executor;
        this.graphLoader = graphLoader;
        this.identityMap = identityMap;
        this.hydrator = hydrator;
    }

    EntityHydrator hydrator() {
        return hydrator;
    }

    Mono<Long> execute(RenderedSql sql) {
        return executor.update(connection, sql);
    }

    Flux<Object> all(Plan plan) {
        Function<RowView, Object> mapper = plan.mapper().get();
        if (plan.entity() == null) return executor.query(connection, plan.sql(), mapper);
        if (plan.loads().isEmpty()) return executor.query(connection, plan.sql(), mapper).filter(this::notDeleted);
        List<Object> rows = new ArrayList<>();
        return executor.consume(connection, plan.sql(), row -> rows.add(mapper.apply(row)), false)
                .thenMany(Flux.defer(() -> {
                    List<Object> kept = rows.stream().filter(this::notDeleted).toList();
                    return graphLoader.load(connection, identityMap, hydrator, kept, plan.loads(), Set.of())
                            .thenMany(Flux.fromIterable(kept));
                }));
    }

    /** The first row (mapped), with {@code exactlyOne} an error unless the result has exactly one row. */
    Mono<Object> single(Plan plan, boolean exactlyOne) {
        Function<RowView, Object> mapper = plan.mapper().get();
        Object[] first = new Object[1];
        return executor.consume(connection, plan.sql(), row -> {
                    if (first[0] == null) {
                        Object mapped = mapper.apply(row);
                        if (notDeleted(mapped)) first[0] = mapped;
                    }
                }, false)
                .flatMap(rows -> {
                    if (exactlyOne && (rows != 1 || first[0] == null)) {
                        return Mono.error(rows == 0 || first[0] == null
                                ? new ResultException(ErrorCode.BRAID_NO_RESULT, "one() found no row for: "
                                        + plan.sql().sql() + ". Fix: use first() when no row is a normal outcome")
                                : new ResultException(ErrorCode.BRAID_NON_UNIQUE_RESULT, "one() found " + rows
                                        + " rows for: " + plan.sql().sql() + ". Fix: narrow the statement's WHERE,"
                                        + " or use first()"));
                    }
                    if (first[0] == null) return Mono.empty();
                    if (plan.entity() == null || plan.loads().isEmpty()) return Mono.just(first[0]);
                    return graphLoader.load(connection, identityMap, hydrator, List.of(first[0]), plan.loads(), Set.of())
                            .thenReturn(first[0]);
                });
    }

    private boolean notDeleted(Object entity) {
        EntityState state = identityMap.stateOf(entity);
        return state == null || state.status() != EntityStatus.DELETED;
    }
}
