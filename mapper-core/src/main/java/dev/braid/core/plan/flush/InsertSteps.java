package dev.braid.core.plan.flush;

import dev.braid.core.identity.EntityState;
import dev.braid.core.meta.EntityMapping;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The statements of a flush's insert batches: a single row alone, more rows as one statement. Where
 * the dialect allocates generated keys ahead of the insert (PostgreSQL), consecutive batches of one
 * table (the levels of a tree, cut apart because each level needs its parents' keys) share one
 * allocation of up to {@code allocationLimit} keys instead of one each.
 */
final class InsertSteps {
    private final WritePlanner writes;
    private final boolean allocatesKeys;
    private final boolean returnsOrderedKeys;
    private final int allocationLimit;
    private final Predicate<EntityState> batchable;

    /**
     * @param allocatesKeys      keys are allocated before the insert (array batches)
     * @param returnsOrderedKeys batches return their keys in row order instead (H2)
     * @param batchable          whether a row can go in a multi-row statement
     */
    InsertSteps(WritePlanner writes, boolean allocatesKeys, boolean returnsOrderedKeys, int allocationLimit,
                Predicate<EntityState> batchable) {
        this.writes = writes;
        this.allocatesKeys = allocatesKeys;
        this.returnsOrderedKeys = returnsOrderedKeys;
        this.allocationLimit = allocationLimit;
        this.batchable = batchable;
    }

    /** @param beforeRender brings a row's foreign keys up to date just before its statement is rendered */
    void add(List<List<EntityState>> batches, Deque<Runnable> undo, Consumer<EntityState> beforeRender, List<WriteStep> steps) {
        int i = 0;
        while (i < batches.size()) {
            int end = allocatesKeys ? sharedAllocationEnd(batches, i) : i + 1;
            if (end - i > 1) {
                List<EntityState> all = new ArrayList<>();
                for (int j = i; j < end; j++) all.addAll(batches.get(j));
                steps.add(writes.allocateIds(all, undo));
                for (int j = i; j < end; j++) steps.add(writes.insertRows(batches.get(j), undo, beforeRender, null));
                i = end;
                continue;
            }
            List<EntityState> batch = batches.get(i++);
            if (batch.size() == 1) {
                EntityState s = batch.get(0);
                steps.add(writes.insert(s, undo, () -> beforeRender.accept(s)));
            } else if (returnsOrderedKeys) {
                steps.add(writes.insertBatchReturningKeys(batch, undo, beforeRender));
            } else {
                steps.addAll(writes.insertBatch(batch, undo, beforeRender));
            }
        }
    }

    /** The end (exclusive) of the batches from {@code from} on that one key allocation can serve. */
    private int sharedAllocationEnd(List<List<EntityState>> batches, int from) {
        EntityMapping mapping = batches.get(from).get(0).mapping();
        if (mapping.generatedColumn().isEmpty()) return from + 1;
        int rows = 0;
        int end = from;
        while (end < batches.size()) {
            List<EntityState> batch = batches.get(end);
            if (batch.get(0).mapping() != mapping || !batchable.test(batch.get(0))
                    || rows + batch.size() > allocationLimit) break;
            rows += batch.size();
            end++;
        }
        return Math.max(end, from + 1);
    }
}
