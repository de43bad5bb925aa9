package dev.braid.core.internal.plan.flush;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The ordered statements of one flush. Steps change the session's objects as they succeed (generated
 * ids must reach later statements); if the flush fails, {@link #abort()} undoes those changes in
 * reverse so the session again matches what the rolled-back database holds.
 */
public final class FlushPlan {
    private final List<WriteStep> steps;
    private final Deque<Runnable> undo;
    private final Runnable afterSuccess;
    // Set by abort(): a step's result that arrives afterwards is not applied (see apply()).
    private boolean aborted;

    FlushPlan(List<WriteStep> steps, Deque<Runnable> undo, Runnable afterSuccess) {
        this.steps = List.copyOf(steps);
        this.undo = undo;
        this.afterSuccess = afterSuccess;
    }

    /**
     * No statements, only the undo of object changes made by a statement sent outside a flush (a bulk
     * update): kept with the transaction's flushes, run if it rolls back, forgotten when it commits.
     */
    public static FlushPlan undoOnly(Deque<Runnable> undo) {
        return new FlushPlan(List.of(), undo, () -> { });
    }

    static FlushPlan empty() {
        return new FlushPlan(List.of(), new ArrayDeque<>(), () -> { });
    }

    /** Called once every step succeeded: refreshes collection snapshots and back-populates parents. */
    public synchronized void succeeded() {
        if (!aborted) afterSuccess.run();
    }

    public List<WriteStep> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Reverts every object change the executed steps made, newest first, and ignores the results of steps
     * still running. Idempotent. A cancel may call it from another thread than the one applying results:
     * it and {@link #apply} exclude each other, so a result is either applied and then undone, or dropped.
     */
    public synchronized void abort() {
        aborted = true;
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    /** Applies a step's result to the objects ({@code effect}), unless the plan was aborted meanwhile. */
    public synchronized void apply(Runnable effect) {
        if (!aborted) effect.run();
    }

    /** Whether {@link #abort()} ran: the remaining steps must not be sent (their inputs may be undone). */
    public synchronized boolean isAborted() {
        return aborted;
    }

    /** Forgets the undo log once the changes are durable (committed). */
    public synchronized void complete() {
        undo.clear();
    }
}
