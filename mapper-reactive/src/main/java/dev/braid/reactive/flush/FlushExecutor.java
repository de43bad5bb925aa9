package dev.braid.reactive.flush;

import dev.braid.core.plan.flush.FlushPlan;
import dev.braid.core.plan.flush.WriteStep;
import dev.braid.reactive.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Runs a flush plan's statements one after another on one connection ({@code concatMap}: a statement
 * starts only after the previous one's result was fully read). On error or cancel the plan's object
 * changes are undone; the caller rolls the transaction back.
 */
public final class FlushExecutor {
    private final StatementExecutor executor;

    public FlushExecutor(StatementExecutor executor) {
        this.executor = executor;
    }

    public Mono<Void> execute(Connection connection, FlushPlan plan) {
        return Flux.fromIterable(plan.steps())
                .concatMap(step -> run(connection, step))
                .then()
                .doOnError(e -> plan.abort())
                .doOnCancel(plan::abort);
    }

    private Mono<Void> run(Connection connection, WriteStep step) {
        if (step.returnedTypes().isEmpty()) {
            return executor.update(connection, step.sql())
                    .doOnNext(count -> step.applied(count, null))
                    .then();
        }
        return executor.returning(connection, step.sql(), step.returnedTypes())
                .doOnNext(rows -> step.applied(rows.size(), rows.isEmpty() ? null : rows.get(0)))
                .then();
    }

    /** Exposed for callers that want to show the statements of a plan. */
    public static List<String> statements(FlushPlan plan) {
        return plan.steps().stream().map(s -> s.sql().sql()).toList();
    }
}
