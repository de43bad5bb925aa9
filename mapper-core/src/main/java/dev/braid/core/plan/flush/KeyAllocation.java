package dev.braid.core.plan.flush;

import dev.braid.core.identity.EntityState;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityMapping;
import dev.braid.core.sql.RenderedSql;
import dev.braid.core.sql.SqlRenderer;

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
        Step allocate = new Step(WriteStep.Kind.ALLOCATE_IDS, List.of(Long[].class));
        allocate.renderer = () -> {
            List<EntityState> needing = new ArrayList<>();
            for (EntityState s : states) if (generated.get(s.entity()) == null) needing.add(s);
            if (needing.isEmpty()) return null;
            // The sequence is looked up once (a MATERIALIZED CTE): looked up per row, as in
            // nextval(pg_get_serial_sequence(...)), 10,000 keys took 46 ms instead of 7. The keys
            // come back as one array in one row, not as a row each.
            RenderedSql sql = new RenderedSql("WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence("
                    + renderer.dialect().bindMarker(1) + ", " + renderer.dialect().bindMarker(2)
                    + ")::regclass AS s) SELECT array_agg(nextval(braid_seq.s)) FROM braid_seq, generate_series(1, "
                    + renderer.dialect().bindMarker(3) + ")", List.of(
                    new dev.braid.core.sql.Bind(renderer.dialect().identifier(mapping.table()), String.class),
                    new dev.braid.core.sql.Bind(generated.column(), String.class),
                    new dev.braid.core.sql.Bind(needing.size(), Integer.class)));
            allocate.outcome = (rowCount, rows) -> {
                Long[] keys = rows.size() == 1 ? (Long[]) rows.get(0)[0] : null;
                if (keys == null || keys.length != needing.size()) {
                    throw dev.braid.core.error.Require.bug("Allocated " + (keys == null ? 0 : keys.length) + " keys for "
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
