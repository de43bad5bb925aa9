package dev.braid.core.internal.hydrate;

import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.relation.RelationInternals;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows to entities through the identity map: a row whose key the session already holds yields the
 * object it holds (unchanged, so unflushed edits are never overwritten, as in SQLAlchemy), anything
 * else becomes a new persistent object with a snapshot for dirty checking and all its relationships
 * marked not loaded (the loaders fill in what the query asked for). Id-less records (projections)
 * are created per row and not tracked.
 */
public final class EntityHydrator {
    private final IdentityMap identityMap;
    private final boolean tracking;
    // Objects of joined-table hierarchies created since the last take: their subclass tables are still to read.
    private final JoinedRows unfilled = new JoinedRows();

    /** Hydrates into a session's identity map: objects are tracked, with snapshots for dirty checking. */
    public EntityHydrator(IdentityMap identityMap) {
        this(identityMap, true);
    }

    private EntityHydrator(IdentityMap identityMap, boolean tracking) {
        this.identityMap = identityMap;
        this.tracking = tracking;
    }

    /**
     * Hydrates detached objects (read-only queries): one object per key within {@code keys}, but no
     * state, no snapshot, nothing for a flush to look at.
     */
    public static EntityHydrator untracked(IdentityMap keys) {
        return new EntityHydrator(keys, false);
    }

    /**
     * The entity for a row whose columns are {@code mapping.columns()} in order from index {@code offset},
     * or null when the row's key is NULL (the empty side of a LEFT OUTER JOIN).
     */
    public Object hydrate(EntityMapping mapping, RowView row, int offset) {
        List<ColumnMapping> ids = mapping.idColumns();
        if (ids.isEmpty()) {
            return mapping.instantiate(readValues(mapping, row, offset, null, -1, null));
        }
        if (ids.size() > 1) {
            List<Object> id = readCompositeId(mapping, row, offset);
            return id == null ? null : hydrate(mapping, row, offset, id, -1, null);
        }
        // One id column: decoded once, for the key and for the object (decoding is per call on the drivers).
        ColumnMapping id = ids.get(0);
        Object rawId = row.get(offset + id.index(), id.type().databaseClass());
        if (rawId == null) {
            return null;
        }
        return hydrate(mapping, row, offset, id.fromDatabase(rawId), id.index(), rawId);
    }

    private Object hydrate(EntityMapping mapping, RowView row, int offset, Object id, int decodedIndex, Object decoded) {
        Object existing = identityMap.get(mapping, id);
        if (existing != null) {
            return existing;
        }
        if (!tracking) {
            Object entity = createUntracked(mapping, row, offset, decodedIndex, decoded);
            identityMap.remember(mapping, id, entity);
            unfilled.add(mapping, entity);
            return entity;
        }
        Object[] snapshot = new Object[mapping.columns().size()];
        Object entity = mapping.instantiate(readValues(mapping, row, offset, snapshot, decodedIndex, decoded));
        unloadRelationships(mapping, entity);
        identityMap.loaded(mapping, entity, id, snapshot);
        unfilled.add(mapping, entity);
        return entity;
    }

    /**
     * A new, untracked object for a row known to be the only one with its key in the result (the
     * roots of a plain query, one-to-many children): no identity lookup at all. Its relationships are
     * marked not loaded. Only for read-only results; a session's objects always go through {@link #hydrate}.
     */
    public Object hydrateNew(EntityMapping mapping, RowView row, int offset) {
        if (tracking) throw dev.braid.core.internal.util.Require.bug("a tracking hydrator must look every row up");
        Object entity = createUntracked(mapping, row, offset, -1, null);
        unfilled.add(mapping, entity);
        return entity;
    }

    /** An untracked object from a row, its relationships not loaded. */
    private static Object createUntracked(EntityMapping mapping, RowView row, int offset, int decodedIndex, Object decoded) {
        Object entity = mapping.instantiate(readValues(mapping, row, offset, null, decodedIndex, decoded));
        unloadRelationships(mapping, entity);
        return entity;
    }

    private static void unloadRelationships(EntityMapping mapping, Object entity) {
        List<RelationshipMapping> relationships = mapping.relationships();
        for (int i = 0; i < relationships.size(); i++) {
            RelationshipMapping r = relationships.get(i);
            RelationInternals.unload(r.wrapperOf(entity), r.syncRule());
        }
    }

    /**
     * Overwrites a held object's columns with a fresh row (SQLAlchemy's {@code session.refresh}):
     * unflushed changes to it are discarded and its relationships become unloaded, since they may be
     * stale too.
     */
    public void refresh(Object entity, EntityMapping mapping, RowView row) {
        Object[] snapshot = new Object[mapping.columns().size()];
        Object[] values = readValues(mapping, row, 0, snapshot, -1, null);
        for (int i = 0; i < values.length; i++) {
            mapping.columns().get(i).set(entity, values[i]);
        }
        for (RelationshipMapping r : mapping.relationships()) {
            RelationInternals.unload(r.wrapperOf(entity), r.syncRule());
        }
        identityMap.updated(identityMap.stateOf(entity), snapshot);
        unfilled.add(mapping, entity);
    }

    /**
     * The objects of joined-table hierarchies hydrated since the last call (their subclass-table columns
     * are still NULL), handed over once: the caller reads their subclass tables ({@link JoinedRows#apply}).
     */
    public JoinedRows takeUnfilled() {
        return unfilled.take();
    }

    /** @param decodedIndex a column already decoded from this row ({@code decoded}), or -1 */
    private static Object[] readValues(EntityMapping mapping, RowView row, int offset, Object[] snapshot,
                                       int decodedIndex, Object decoded) {
        List<ColumnMapping> columns = mapping.columns();
        // With plain columns the Java values are the database values: the snapshot doubles as the
        // constructor's input (an instantiator never keeps the array), saving one array per row.
        boolean shared = snapshot != null && mapping.hasPlainColumnsOnly();
        Object[] javaValues = shared ? snapshot : new Object[columns.size()];
        for (int i = 0; i < javaValues.length; i++) {
            ColumnMapping column = columns.get(i);
            Object databaseValue = i == decodedIndex ? decoded : row.get(offset + i, column.type().databaseClass());
            Object javaValue = column.fromDatabase(databaseValue);
            javaValues[i] = javaValue;
            if (snapshot != null && !shared) {
                Object stored = column.type().toDatabase(javaValue);
                // The snapshot keeps its own copy of an array: an in-place edit must show up as a change.
                snapshot[i] = stored instanceof byte[] bytes ? bytes.clone() : stored;
            }
        }
        return javaValues;
    }

    private static List<Object> readCompositeId(EntityMapping mapping, RowView row, int offset) {
        List<ColumnMapping> ids = mapping.idColumns();
        List<Object> parts = new ArrayList<>(ids.size());
        for (ColumnMapping id : ids) {
            Object value = row.get(offset + id.index(), id.type().databaseClass());
            if (value == null) return null;
            parts.add(id.fromDatabase(value));
        }
        return parts;
    }
}
