package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What the next flush would write, collected before its statements are planned, so that lifecycle
 * listeners can run on the objects (and change them) and sequence keys can be fetched. What the collect
 * and the listeners' callers changed on objects is recorded in {@link #undo()}, which the flush plan
 * continues; {@link #abort()} reverts it when the flush stops before it is planned.
 */
public final class PendingChanges {
    private final List<EntityState> inserted;
    private final List<EntityState> updated;
    private final List<EntityState> deleted;
    private final Deque<Runnable> undo;

    PendingChanges(List<EntityState> inserted, List<EntityState> updated, List<EntityState> deleted, Deque<Runnable> undo) {
        this.inserted = List.copyOf(inserted);
        this.updated = List.copyOf(updated);
        this.deleted = List.copyOf(deleted);
        this.undo = undo;
    }

    /** The objects to insert, in insert order. */
    public List<Object> inserted() { return entities(inserted); }

    /** The objects to update (a column changed). */
    public List<Object> updated() { return entities(updated); }

    /** The objects to delete. */
    public List<Object> deleted() { return entities(deleted); }

    /** The states to insert, for key assignment. */
    public List<EntityState> insertedStates() { return inserted; }

    /** Records how to revert a change made to an object before the flush is planned. */
    public void onAbort(Runnable revert) { undo.push(revert); }

    /** Reverts what was changed on objects since the changes were collected, newest first. */
    public void abort() {
        while (!undo.isEmpty()) undo.pop().run();
    }

    Deque<Runnable> undo() { return undo; }

    private static List<Object> entities(List<EntityState> states) {
        List<Object> out = new ArrayList<>(states.size());
        for (EntityState s : states) out.add(s.entity());
        return out;
    }
}
