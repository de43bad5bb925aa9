package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.JoinedTables;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects of joined-table hierarchies read from their base table, whose subclass-table columns are still to
 * read; and how a subclass table's row ({@code id, own columns...}) completes its object: the values set,
 * and the session's snapshot of those columns brought up to date (so that they do not look changed).
 */
public final class JoinedRows {
    private Map<EntityMapping, List<Object>> pending = new LinkedHashMap<>();

    JoinedRows() {}

    private JoinedRows(Map<EntityMapping, List<Object>> pending) {
        this.pending = pending;
    }

    void add(EntityMapping mapping, Object entity) {
        if (mapping.hierarchy() == null || mapping.hierarchy().joined() == null) return;
        if (mapping.hierarchy().joined().partsOf(entity.getClass()).isEmpty()) return; // the base's own rows
        pending.computeIfAbsent(mapping, m -> new ArrayList<>()).add(entity);
    }

    JoinedRows take() {
        if (pending.isEmpty()) return this;
        JoinedRows taken = new JoinedRows(pending);
        pending = new LinkedHashMap<>();
        return taken;
    }

    /** True when no object waits for its subclass tables. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The hierarchies with objects waiting. */
    public List<EntityMapping> mappings() {
        return List.copyOf(pending.keySet());
    }

    /**
     * The objects of {@code mapping} with a row in {@code part}'s table, by their key's database value (each
     * once, in order of reading).
     */
    public Map<Object, Object> byKey(EntityMapping mapping, JoinedTables.Part part) {
        Map<Object, Object> out = new LinkedHashMap<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        ColumnMapping id = mapping.idColumns().get(0);
        for (Object entity : pending.getOrDefault(mapping, List.of())) {
            if (part.type().isInstance(entity) && seen.put(entity, Boolean.TRUE) == null) {
                out.put(id.getForDatabase(entity), entity);
            }
        }
        return out;
    }

    /**
     * Completes the object of a subclass-table row ({@code id, own columns...} as {@link JoinedTables.Part}
     * lists them) from {@code objects} (by key); {@code identityMap} is the session's, or null for detached objects.
     */
    public static void apply(EntityMapping mapping, JoinedTables.Part part, RowView row, Map<Object, Object> objects,
                             IdentityMap identityMap) {
        ColumnMapping id = mapping.idColumns().get(0);
        Object entity = objects.get(row.get(0, id.type().databaseClass()));
        if (entity == null) return;
        EntityState state = identityMap == null ? null : identityMap.stateOf(entity);
        Object[] snapshot = state == null || state.snapshot() == null ? null : state.snapshot().clone();
        List<ColumnMapping> columns = part.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMapping column = columns.get(i);
            Object databaseValue = row.get(i + 1, column.type().databaseClass());
            Object value = column.fromDatabase(databaseValue);
            column.set(entity, value);
            if (snapshot != null) {
                Object stored = column.type().toDatabase(value);
                snapshot[column.index()] = stored instanceof byte[] bytes ? bytes.clone() : stored;
            }
        }
        if (snapshot != null) identityMap.updated(state, snapshot);
    }
}
