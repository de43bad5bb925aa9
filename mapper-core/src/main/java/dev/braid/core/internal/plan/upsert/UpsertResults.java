package dev.braid.core.internal.plan.upsert;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;
import dev.braid.error.StaleDataException;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rows of an upsert become the session's objects. Each object's row is found by the columns that
 * identify it. When the session already holds the object of that row, the held object is the result (no
 * second object for one row); if the statement updated the row, the held object takes its new values.
 * Otherwise the given object becomes persistent: it takes every column of the row as the database holds
 * it (its generated key, its version, and, for a row that existed and was left alone, that row's values,
 * so the next flush writes nothing), and its relationships become unloaded (an existing row may have
 * related rows it does not know). Everything done is undone on rollback through {@code undo}.
 */
public final class UpsertResults {
    private UpsertResults() {}

    /** The driver values of {@code match} of an object. */
    static List<Object> matchKey(List<ColumnMapping> match, Object entity) {
        List<Object> key = new ArrayList<>(match.size());
        for (ColumnMapping c : match) key.add(c.getForDatabase(entity));
        return key;
    }

    /** The values of {@code match} in a row of all the entity's columns. */
    static List<Object> rowKey(List<ColumnMapping> match, Object[] row) {
        List<Object> key = new ArrayList<>(match.size());
        for (ColumnMapping c : match) key.add(c.type().toDatabase(c.fromDatabase(row[c.index()])));
        return key;
    }

    /**
     * Applies one chunk's rows.
     *
     * @param written the rows the statement returned (inserted or updated)
     * @param found   the rows it left alone, read afterwards
     * @return the session's object for each object of {@code chunk}, in order
     */
    public static List<Object> apply(UpsertTarget target, List<Object> chunk, List<Object[]> written, List<Object[]> found,
                                     IdentityMap held, Deque<Runnable> undo) {
        List<ColumnMapping> match = target.match();
        Map<List<Object>, Object[]> writtenRows = new HashMap<>();
        for (Object[] row : written) writtenRows.put(rowKey(match, row), row);
        Map<List<Object>, Object[]> foundRows = new HashMap<>();
        for (Object[] row : found) foundRows.put(rowKey(match, row), row);
        EntityMapping mapping = target.mapping();
        List<Object> results = new ArrayList<>(chunk.size());
        for (Object entity : chunk) {
            List<Object> key = matchKey(match, entity);
            Object[] row = writtenRows.get(key);
            boolean wasWritten = row != null;
            if (row == null) row = foundRows.get(key);
            if (row == null) {
                throw new StaleDataException("upsert of " + mapping.name() + " with " + match.stream()
                        .map(ColumnMapping::attribute).toList() + " = " + key + " neither wrote a row nor found one"
                        + " (deleted by a concurrent transaction). Fix: run the work again");
            }
            Object id = id(mapping, row);
            Object holder = held.get(mapping, id);
            if (holder != null) {
                if (wasWritten && target.version() != null || wasWritten && !target.update().isEmpty()) {
                    refreshHeld(mapping, holder, row, held, undo);
                }
                results.add(holder);
            } else {
                results.add(adopt(mapping, entity, id, row, held, undo));
            }
        }
        return results;
    }

    private static Object id(EntityMapping mapping, Object[] row) {
        List<ColumnMapping> ids = mapping.idColumns();
        if (ids.size() == 1) return ids.get(0).fromDatabase(row[ids.get(0).index()]);
        List<Object> parts = new ArrayList<>(ids.size());
        for (ColumnMapping c : ids) parts.add(c.fromDatabase(row[c.index()]));
        return parts;
    }

    private static Object[] snapshot(Object[] row) {
        Object[] snapshot = row.clone();
        for (int i = 0; i < snapshot.length; i++) {
            if (snapshot[i] instanceof byte[] bytes) snapshot[i] = bytes.clone();
        }
        return snapshot;
    }

    /** The given object becomes the row's persistent object. */
    private static Object adopt(EntityMapping mapping, Object entity, Object id, Object[] row, IdentityMap held,
                                Deque<Runnable> undo) {
        List<ColumnMapping> columns = mapping.columns();
        Object[] before = new Object[columns.size()];
        for (ColumnMapping c : columns) {
            before[c.index()] = c.get(entity);
            c.set(entity, c.fromDatabase(row[c.index()]));
        }
        mapping.bindRelations(entity);
        for (RelationshipMapping r : mapping.relationships()) {
            Object wrapper = r.wrapperOf(entity);
            if (wrapper != null && !r.isWriteOnly()) RelationInternals.unload(wrapper, r.syncRule());
        }
        EntityState state = held.loaded(mapping, entity, id, snapshot(row));
        undo.push(() -> {
            held.remove(state);
            for (ColumnMapping c : columns) c.set(entity, before[c.index()]);
        });
        return entity;
    }

    /** A held object whose row the statement updated takes the row's values, in its fields and snapshot. */
    private static void refreshHeld(EntityMapping mapping, Object holder, Object[] row, IdentityMap held, Deque<Runnable> undo) {
        EntityState state = held.stateOf(holder);
        if (state == null || state.status() != EntityStatus.PERSISTENT || state.snapshot() == null) return;
        List<ColumnMapping> columns = mapping.columns();
        Object[] fields = new Object[columns.size()];
        Object[] before = state.snapshot();
        for (ColumnMapping c : columns) {
            fields[c.index()] = c.get(holder);
            c.set(holder, c.fromDatabase(row[c.index()]));
        }
        held.updated(state, snapshot(row));
        undo.push(() -> {
            for (ColumnMapping c : columns) c.set(holder, fields[c.index()]);
            held.updated(state, before);
        });
    }
}
