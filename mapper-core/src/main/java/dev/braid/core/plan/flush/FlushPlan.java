package dev.braid.core.plan.flush;

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

    FlushPlan(List<WriteStep> steps, Deque<Runnable> undo) {
        this.steps = List.copyOf(steps);
        this.undo = undo;
    }

    static FlushPlan empty() {
        return new FlushPlan(List.of(), new ArrayDeque<>());
    }

    public List<WriteStep> steps() {
        return steps;
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Reverts every object change the executed steps made, newest first. Idempotent. */
    public void abort() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    /** Forgets the undo log once the changes are durable (committed). */
    public void complete() {
        undo.clear();
    }
}
