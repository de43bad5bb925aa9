package dev.braid.reactive;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.plan.upsert.LinkWrite;
import dev.braid.core.internal.plan.upsert.UpsertPlan;
import dev.braid.core.internal.plan.upsert.UpsertResults;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.statement.RenderedSql;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs upserts and link writes on the session's connection, one statement at a time: per chunk the upsert,
 * then the SELECT of rows it left alone, then the rows become the session's objects.
 */
final class UpsertRunner {
    private final Connection connection;
    private final StatementExecutor executor;
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;

    UpsertRunner(Connection connection, StatementExecutor executor, SqlRenderer renderer, IdentityMap identityMap) {
        this.connection = connection;
        this.executor = executor;
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    /** Runs every chunk in order; {@code undo} receives what reverts the session's objects on rollback. */
    Mono<List<Object>> run(UpsertPlan plan, Consumer<Deque<Runnable>> undo) {
        return Flux.fromIterable(plan.chunks())
                .concatMap(chunk -> executor.returning(connection, plan.statement(chunk), plan.rowTypes())
                        .flatMap(written -> {
                            RenderedSql missing = plan.missing(chunk, written);
                            Mono<List<Object[]>> found = missing == null ? Mono.just(List.of())
                                    : executor.returning(connection, missing, plan.rowTypes());
                            return found.map(rows -> {
                                Deque<Runnable> changes = new ArrayDeque<>();
                                List<Object> objects = UpsertResults.apply(plan.target(), chunk, written, rows,
                                        identityMap, changes);
                                undo.accept(changes);
                                return objects;
                            });
                        }))
                .collect(ArrayList::new, List::addAll);
    }

    /** Inserts the link row unless present, or deletes it if present; true when a row was written. */
    Mono<Boolean> link(LinkWrite link) {
        return Mono.defer(() -> executor.update(connection, link.statement(renderer)))
                .map(count -> {
                    link.apply(identityMap);
                    return count > 0;
                });
    }
}
