package dev.braid.reactive;

import dev.braid.core.internal.hydrate.EntityHydrator;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.plan.raw.RawStatement;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.load.GraphLoader;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Raw SQL on a session ({@link Session#sql}), behind {@link RawSql} and {@link RawResult}: the statement
 * rendered for the dialect, run on the session's connection and transaction after the autoflush, its rows
 * read by {@link RawSqlRunner}.
 */
final class SessionSql {
    private final MappingRegistry registry;
    private final QueryPlanner planner;
    private final SessionGate gate;
    private final SessionTransaction transaction;
    private final RawSqlRunner raw;

    SessionSql(MappingRegistry registry, QueryPlanner planner, StatementExecutor executor, GraphLoader graphLoader,
               SessionGate gate, IdentityMap identityMap, EntityHydrator hydrator) {
        this.registry = registry;
        this.planner = planner;
        this.gate = gate;
        this.transaction = gate.transaction();
        this.raw = new RawSqlRunner(transaction.connection(), executor, graphLoader, identityMap, hydrator);
    }

    QueryPlanner planner() {
        return planner;
    }

    MappingRegistry registry() {
        return registry;
    }

    /** The raw statement rendered for this dialect, reported as {@code RAW_SQL} of {@code entity} (or of no type). */
    RenderedSql render(RawStatement statement, @Nullable EntityMapping entity) {
        return statement.render(planner.dialect(), StatementOrigin.of(StatementOrigin.Kind.RAW_SQL,
                entity == null ? null : entity.type()));
    }

    Mono<Long> execute(RawStatement statement) {
        return gate.active("sql " + statement.quoted(), () -> {
            RenderedSql sql = render(statement, null); // unbound parameters fail before the autoflush
            return transaction.autoflush().then(raw.execute(sql));
        });
    }

    Flux<Object> all(RawStatement statement, Function<RawSqlRunner, RawSqlRunner.Plan> plan) {
        return gate.activeFlux("sql " + statement.quoted(), () -> {
            RawSqlRunner.Plan p = plan.apply(raw);
            return transaction.autoflush().thenMany(raw.all(p));
        });
    }

    Mono<Object> single(RawStatement statement, Function<RawSqlRunner, RawSqlRunner.Plan> plan, boolean exactlyOne) {
        return gate.active("sql " + statement.quoted(), () -> {
            RawSqlRunner.Plan p = plan.apply(raw);
            return transaction.autoflush().then(raw.single(p, exactlyOne));
        });
    }
}
