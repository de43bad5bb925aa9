package dev.braid.reactive.internal.flush;

import dev.braid.core.internal.plan.flush.FlushPlan;
import dev.braid.core.internal.plan.flush.WriteStep;
import dev.braid.statement.RenderedSql;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a flush plan's statements one after another on one connection ({@code concatMap}: a statement
 * is rendered and started only after the previous one's result was fully read, so generated keys
 * reach the statements that need them). On error or cancel the plan's object changes are undone;
 * the caller rolls the transaction back.
 */
public final class FlushExecutor {
    private final StatementExecutor executor;
    private final @Nullable WorkObserver work;

    public FlushExecutor(StatementExecutor executor) {
        this.executor = executor;
        this.work = executor.work();
    }

    /** Runs the plan's statements; with observers, as one unit of work (a flush) they nest under. */
    public Mono<Void> execute(Connection connection, FlushPlan plan) {
        Mono<Void> statements = statements(connection, plan);
        return work == null ? statements : work.flush(statements);
    }

    private Mono<Void> statements(Connection connection, FlushPlan plan) {
        return Flux.fromIterable(plan.steps())
                .concatMap(step -> run(connection, step))
                .then(Mono.fromRunnable(plan::succeeded))
                .doOnError(e -> plan.abort())
                .doOnCancel(plan::abort)
                .then();
    }

    private Mono<Void> run(Connection connection, WriteStep step) {
        return Mono.defer(() -> {
            RenderedSql sql = step.render();
            if (sql == null) {
                return Mono.empty(); // nothing left to write for this object
            }
            if (step.returnedTypes().isEmpty()) {
                return executor.update(connection, sql).doOnNext(count -> step.applied(count, java.util.List.of())).then();
            }
            return executor.returning(connection, sql, step.returnedTypes())
                    .doOnNext(rows -> step.applied(rows.size(), rows))
                    .then();
        });
    }
}
