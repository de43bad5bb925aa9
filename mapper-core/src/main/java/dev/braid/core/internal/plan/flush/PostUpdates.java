package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The UPDATEs that close cycles of foreign keys: rows inserted before a row they reference get its
 * key once both exist. Rows of one table waiting for the same columns share one statement (over
 * arrays on PostgreSQL, a MERGE over VALUES on H2) where their table has a single-column key and no
 * version; the rest go one statement each.
 */
final class PostUpdates {
    private final UpdateSteps updates;
    private final boolean batches;
    private final int batchLimit;

    /**
     * @param batches    the dialect can update many rows by key in one statement
     * @param batchLimit rows per statement
     */
    PostUpdates(UpdateSteps updates, boolean batches, int batchLimit) {
        this.updates = updates;
        this.batches = batches;
        this.batchLimit = batchLimit;
    }

    /**
     * @param waiting      each row to post-update, in insert order, with the foreign-key columns it waits for
     * @param beforeRender copies the keys a row waited for, just before its statement is rendered
     */
    void add(Map<EntityState, List<ColumnMapping>> waiting, Deque<Runnable> undo, Consumer<EntityState> beforeRender,
             List<WriteStep> steps) {
        Map<List<Object>, List<EntityState>> groups = new LinkedHashMap<>();
        for (Map.Entry<EntityState, List<ColumnMapping>> e : waiting.entrySet()) {
            EntityState s = e.getKey();
            List<Object> key = new ArrayList<>(e.getValue().size() + 1);
            key.add(s.mapping());
            key.addAll(e.getValue());
            groups.computeIfAbsent(batchable(s.mapping()) ? key : List.of(s), k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<List<Object>, List<EntityState>> group : groups.entrySet()) {
            List<EntityState> states = group.getValue();
            if (states.size() == 1) {
                EntityState s = states.get(0);
                steps.add(updates.update(s, undo, () -> beforeRender.accept(s)));
                continue;
            }
            List<ColumnMapping> columns = waiting.get(states.get(0));
            for (int i = 0; i < states.size(); i += batchLimit) {
                List<EntityState> batch = new ArrayList<>(states.subList(i, Math.min(states.size(), i + batchLimit)));
                steps.add(batch.size() == 1
                        ? updates.update(batch.get(0), undo, () -> beforeRender.accept(batch.get(0)))
                        : updates.updateBatch(batch, columns, undo, beforeRender));
            }
        }
    }

    private boolean batchable(EntityMapping m) {
        return batches && m.idColumns().size() == 1 && m.versionColumn().isEmpty() && m.arrayBindable();
    }
}
