package dev.braid.reactive;

import dev.braid.core.internal.plan.flush.FlushPlan;
import dev.braid.core.internal.plan.flush.PendingChanges;
import dev.braid.core.internal.plan.flush.UnitOfWork;
import dev.braid.reactive.internal.flush.BeforeFlush;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Plans a session's flush: at once when the mapper has no lifecycle callbacks and no sequence keys, else
 * after {@link BeforeFlush} has run the callbacks (which may change objects) and drawn the missing keys,
 * taking back what that preparation filled in when planning fails.
 */
final class FlushPlanning {
    private final Connection connection;
    private final UnitOfWork unitOfWork;
    private final @Nullable BeforeFlush beforeFlush;

    FlushPlanning(Connection connection, UnitOfWork unitOfWork, @Nullable BeforeFlush beforeFlush) {
        this.connection = connection;
        this.unitOfWork = unitOfWork;
        this.beforeFlush = beforeFlush;
    }

    /** The plan of the session's pending changes (planned eagerly when nothing has to run first). */
    Mono<FlushPlan> plan() {
        if (beforeFlush == null) return Mono.just(unitOfWork.planFlush());
        return beforeFlush.prepare(connection, unitOfWork).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(prepared -> plan(prepared.orElse(null)));
    }

    private FlushPlan plan(@Nullable PendingChanges prepared) {
        try {
            return unitOfWork.planFlush(prepared);
        } catch (RuntimeException e) {
            if (prepared != null) prepared.abort(); // what the callbacks' preparation changed is taken back
            throw e;
        }
    }
}
