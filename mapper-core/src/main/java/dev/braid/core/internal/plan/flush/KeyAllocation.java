package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlRenderer;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The step factory of key allocation: generated keys fetched ahead of a multi-row INSERT over arrays. */
final class KeyAllocation {
    private final SqlRenderer renderer;

    KeyAllocation(SqlRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The statement allocating the generated keys of those of {@code states} (all of one table with a
     * generated key) that have none yet, from the identity's sequence, one row with an array of keys;
     * each object gets its key by position.
     */
    WriteStep allocateIds(List<EntityState> states, Deque<Runnable> undo) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping generated = mapping.generatedColumn().orElseThrow();
        Step allocate = new Step(WriteStep.Kind.ALLOCATE_IDS, List.of(Long[].class), mapping.type(), mapping.table());
        allocate.renderer = () -> {
            List<EntityState> needing = new ArrayList<>();
            for (EntityState s : states) if (generated.get(s.entity()) == null) needing.add(s);
            if (needing.isEmpty()) return null;
            RenderedSql sql = renderer.allocateKeys(mapping.table(), generated.column(), needing.size());
            allocate.outcome = (rowCount, rows) -> {
                Long[] keys = rows.size() == 1 ? (Long[]) rows.get(0)[0] : null;
                if (keys == null || keys.length != needing.size()) {
                    throw dev.braid.core.internal.util.Require.bug("Allocated " + (keys == null ? 0 : keys.length) + " keys for "
                            + needing.size() + " rows of " + mapping.table());
                }
                for (int i = 0; i < needing.size(); i++) {
                    Object entity = needing.get(i).entity();
                    Object id = generated.type().databaseClass() == Integer.class ? (Object) keys[i].intValue() : keys[i];
                    generated.set(entity, generated.fromDatabase(id));
                    undo.push(() -> generated.set(entity, null));
                }
            };
            return sql;
        };
        return allocate;
    }

}
