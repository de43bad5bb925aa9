package dev.braid.reactive;

import dev.braid.reactive.ExecutionEvent.Outcome;
import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One observed statement or unit of work in flight: ends its observers' handle exactly once (a cancel may race
 * the completion), with the rows counted so far. A statement's rows are added to the innermost unit it runs in,
 * which units find in the Reactor context under {@link #UNIT}.
 */
@SuppressWarnings("serial")
final class ExecutionProbe extends AtomicBoolean { // true once ended
    /** Context key: the probe of the innermost observed unit of work. */
    static final Object UNIT = new Object();

    private final ExecutionObserver.Handle handle;
    private final @Nullable ExecutionProbe unit;
    // Rows arrive one after another, and statements of one unit run one after another: no atomic needed.
    long rows;

    ExecutionProbe(ExecutionObserver.Handle handle, @Nullable ExecutionProbe unit) {
        this.handle = handle;
        this.unit = unit;
    }

    void succeeded() {
        end(Outcome.SUCCESS, null);
    }

    void failed(Throwable error) {
        end(Outcome.ERROR, error);
    }

    void cancelled() {
        end(Outcome.CANCEL, null);
    }

    /** The context for a unit's work: this probe as the innermost unit, plus the observers' entries. */
    Context propagate(Context context) {
        return ObserverChain.propagate(handle, context.put(UNIT, this));
    }

    private void end(Outcome outcome, @Nullable Throwable error) {
        if (!compareAndSet(false, true)) return;
        long count = rows;
        if (unit != null) unit.rows += count;
        ObserverChain.end(handle, outcome, count, error);
    }
}
