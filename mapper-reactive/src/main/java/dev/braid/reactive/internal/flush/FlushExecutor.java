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

import java.util.function.ObjLongConsumer;

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
        return execute(connection, plan, null);
    }

    /**
     * Runs the plan's statements as {@link #execute(Connection, FlushPlan)} does, telling {@code rows} how many
     * rows each statement wrote (the driver's count; for statements returning rows, the rows returned).
     */
    public Mono<Void> execute(Connection connection, FlushPlan plan, @Nullable ObjLongConsumer<WriteStep> rows) {
        Mono<Void> statements = statements(connection, plan, rows);
        return work == null ? statements : work.flush(statements);
    }

    private Mono<Void> statements(Connection connection, FlushPlan plan, @Nullable ObjLongConsumer<WriteStep> rows) {
        return Flux.fromIterable(plan.steps())
                .concatMap(step -> run(connection, plan, step, rows))
                .then(Mono.fromRunnable(plan::succeeded))
                .doOnError(e -> plan.abort())
                .doOnCancel(plan::abort)
                .then();
    }

    // Results are applied through the plan: a cancel from another thread aborts it, and then they are dropped.
    private Mono<Void> run(Connection connection, FlushPlan plan, WriteStep step, @Nullable ObjLongConsumer<WriteStep> counts) {
        return Mono.defer(() -> {
            if (plan.isAborted()) {
                return Mono.empty(); // cancelled from another thread: the caller no longer listens
            }
            RenderedSql sql = step.render();
            if (sql == null) {
                return Mono.empty(); // nothing left to write for this object
            }
            if (step.returnedTypes().isEmpty()) {
                Mono<Long> updated = executor.update(connection, sql).doOnNext(count -> plan.apply(() -> step.applied(count, java.util.List.of())));
                return (counts == null ? updated : updated.doOnNext(count -> counts.accept(step, count))).then();
            }
            Mono<java.util.List<Object[]>> returned = executor.returning(connection, sql, step.returnedTypes())
                    .doOnNext(rows -> plan.apply(() -> step.applied(rows.size(), rows)));
            return (counts == null ? returned : returned.doOnNext(rows -> counts.accept(step, rows.size()))).then();
        });
    }
}
