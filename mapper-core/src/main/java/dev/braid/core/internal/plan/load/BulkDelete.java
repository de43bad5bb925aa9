package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Query;
import dev.braid.statement.RenderedSql;

import java.util.List;

/**
 * A bulk DELETE of the rows a query matches, and what the session does with the deleted rows' keys.
 * When the session holds no object the plain DELETE is enough; otherwise the statement returns the
 * deleted keys ({@link #keyTypes()}) and {@link #forget} removes the held objects with those keys
 * from the session, as after a flushed DELETE.
 */
public final class BulkDelete {
    private final QueryPlanner planner;
    private final Query<?> query;
    private final EntityMapping mapping;
    private final RenderedSql plain;
    private final List<Class<?>> keyTypes;

    private BulkDelete(QueryPlanner planner, Query<?> query, EntityMapping mapping, RenderedSql plain) {
        this.planner = planner;
        this.query = query;
        this.mapping = mapping;
        this.plain = plain;
        this.keyTypes = mapping.idColumns().stream().<Class<?>>map(c -> c.type().databaseClass()).toList();
    }

    /**
     * Plans the delete. The plain statement is rendered at once, so a query that is not a plain filter
     * is rejected before anything is sent.
     */
    public static BulkDelete of(MappingRegistry registry, QueryPlanner planner, Query<?> query) {
        EntityMapping mapping = registry.entity(query.entityType());
        return new BulkDelete(planner, query, mapping, planner.bulkDelete(query, false));
    }

    /** Whether the deleted keys must be read back: only when the session holds objects that may be deleted. */
    public boolean readsKeys(IdentityMap held) {
        return held.size() != 0;
    }

    /** The DELETE without returned keys. */
    public RenderedSql plain() {
        return plain;
    }

    /** The DELETE returning the deleted rows' keys (id columns in mapping order). */
    public RenderedSql returningKeys() {
        return planner.bulkDelete(query, true);
    }

    /** The driver classes of the returned key columns. */
    public List<Class<?>> keyTypes() {
        return keyTypes;
    }

    /**
     * The rows are gone: the objects held for them leave the session.
     *
     * @param rows the returned keys, one array of id column values (driver values) per deleted row
     * @return the number of rows deleted
     */
    public long forget(List<Object[]> rows, IdentityMap held) {
        for (Object[] row : rows) {
            Object object = held.get(mapping.keyOfReturned(row));
            EntityState state = object == null ? null : held.stateOf(object);
            if (state != null) held.remove(state);
        }
        return rows.size();
    }
}
