package dev.braid.reactive;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.upsert.LinkWrite;
import dev.braid.core.internal.plan.upsert.UpsertPlan;
import dev.braid.core.internal.plan.upsert.UpsertRequest;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Relation;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Upserts and idempotent link rows of a session, behind {@link Upsert}, {@link Session#link} and
 * {@link Session#unlink}: planned (and checked) in mapper-core before the autoflush, so bad input sends
 * nothing, then run by {@link UpsertRunner} on the session's connection and transaction.
 */
final class SessionUpserts {
    private final MappingRegistry registry;
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;
    private final SessionGate gate;
    private final SessionTransaction transaction;
    private final UpsertRunner runner;

    SessionUpserts(MappingRegistry registry, SqlRenderer renderer, StatementExecutor executor, IdentityMap identityMap,
                   SessionGate gate) {
        this.registry = registry;
        this.renderer = renderer;
        this.identityMap = identityMap;
        this.gate = gate;
        this.transaction = gate.transaction();
        this.runner = new UpsertRunner(transaction.connection(), executor, renderer, identityMap);
    }

    MappingRegistry registry() {
        return registry;
    }

    /** Runs an upsert: planned (and checked) before the autoflush, so bad input sends nothing. */
    Mono<List<Object>> upsert(UpsertRequest request) {
        return gate.active("upsert " + request.type().getSimpleName(), () -> {
            UpsertPlan plan = UpsertPlan.of(registry, renderer, request, identityMap);
            return transaction.autoflush().then(runner.run(plan, transaction::uncommittedWrite));
        });
    }

    /** The statements an upsert would send, without a connection. */
    List<RenderedSql> upsertSql(UpsertRequest request) {
        UpsertPlan plan = UpsertPlan.of(registry, renderer, request, identityMap);
        return plan.chunks().stream().map(plan::statement).toList();
    }

    /** Inserts the link row unless present ({@code insert}), or deletes it if present. */
    Mono<Boolean> link(Object owner, Relation<?, ?> relation, Object target, boolean insert) {
        return gate.active((insert ? "link " : "unlink ") + relation, () -> {
            LinkWrite link = LinkWrite.of(registry, identityMap, relation, owner, target, insert);
            return transaction.autoflush().then(runner.link(link));
        });
    }
}
