package dev.braid.core.hydrate;

import dev.braid.core.identity.IdentityMap;
import dev.braid.core.meta.ColumnMapping;
import dev.braid.core.meta.EntityKey;
import dev.braid.core.meta.EntityMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows to entities through the identity map: a row whose key the session already holds yields the
 * object it holds (unchanged, so unflushed edits are never overwritten, as in SQLAlchemy), anything
 * else becomes a new persistent object with a snapshot for dirty checking.
 */
public final class EntityHydrator {
    private final IdentityMap identityMap;

    public EntityHydrator(IdentityMap identityMap) {
        this.identityMap = identityMap;
    }

    /** The entity for a row whose columns are {@code mapping.columns()} in order from index {@code offset}. */
    public Object hydrate(EntityMapping mapping, RowView row, int offset) {
        EntityKey key = readKey(mapping, row, offset);
        Object existing = identityMap.get(key);
        if (existing != null) {
            return existing;
        }
        List<ColumnMapping> columns = mapping.columns();
        Object[] javaValues = new Object[columns.size()];
        Object[] snapshot = new Object[columns.size()];
        for (int i = 0; i < javaValues.length; i++) {
            ColumnMapping column = columns.get(i);
            Object javaValue = column.fromDatabase(row.get(offset + i, column.type().databaseClass()));
            javaValues[i] = javaValue;
            snapshot[i] = column.type().toDatabase(javaValue);
        }
        Object entity = mapping.instantiate(javaValues);
        identityMap.loaded(mapping, entity, key, snapshot);
        return entity;
    }

    private static EntityKey readKey(EntityMapping mapping, RowView row, int offset) {
        List<ColumnMapping> ids = mapping.idColumns();
        if (ids.size() == 1) {
            ColumnMapping id = ids.get(0);
            return new EntityKey(mapping.type(), id.fromDatabase(row.get(offset + id.index(), id.type().databaseClass())));
        }
        List<Object> parts = new ArrayList<>(ids.size());
        for (ColumnMapping id : ids) {
            parts.add(id.fromDatabase(row.get(offset + id.index(), id.type().databaseClass())));
        }
        return new EntityKey(mapping.type(), parts);
    }
}
