package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Attribute;
import dev.braid.query.Order;
import dev.braid.query.Predicate;
import dev.braid.query.Query;

/**
 * The queries of a streamed query's windows where the database has no server-side cursor. With one
 * comparable id column, no paging and no order other than the id ascending, a window is a keyset
 * page: {@code WHERE <filter> AND id > <last id> ORDER BY id LIMIT <window>}, which costs the same
 * however far the stream has gone. Without paging and with another order that makes rows unique (the
 * id or a unique column among non-null attributes of the entity, any directions) a window is a keyset
 * page after the last row in that order ({@link Query#seekAfter}). Otherwise a window is an offset page
 * of the query (inside the query's own limit and offset).
 *
 * @param <T> the root entity
 */
public final class KeysetWindows<T> {
    private final Query<T> query;
    private final int window;
    private final ColumnMapping id; // the keyset column, or null for offset pages
    private final boolean seek; // windows continue after the last row in the query's own order (seekAfter)

    private KeysetWindows(Query<T> query, int window, ColumnMapping id, boolean seek) {
        this.query = query;
        this.window = window;
        this.id = id;
        this.seek = seek;
    }

    /** Plans the windows of {@code query}, {@code window} roots each. */
    public static <T> KeysetWindows<T> of(MappingRegistry registry, Query<T> query, int window) {
        Require.argument(window >= 1, "stream(window) takes a window of at least 1 root, was " + window);
        EntityMapping root = registry.entity(query.entityType());
        ColumnMapping id = keysetPossible(root, query) ? root.idColumns().get(0) : null;
        boolean seek = id == null && query.limit() == null && query.offset() == null
                && KeysetCondition.seekableAfterRows(root, query);
        return new KeysetWindows<>(query, window, id, seek);
    }

    private static boolean keysetPossible(EntityMapping root, Query<?> query) {
        return root.idColumns().size() == 1 && query.limit() == null && query.offset() == null
                && (query.orderBy().isEmpty() || (query.orderBy().size() == 1
                && query.orderBy().get(0).isAttribute() && query.orderBy().get(0).attribute().name().equals(root.idColumns().get(0).attribute())
                && query.orderBy().get(0).direction() == Order.Direction.ASC))
                && Comparable.class.isAssignableFrom(Boxing.boxed(root.idColumns().get(0).type().javaClass()));
    }

    /** Whether windows are keyset pages (else offset pages). */
    public boolean keyset() {
        return id != null || seek;
    }

    /** Roots per window. */
    public int size() {
        return window;
    }

    /**
     * The query of window number {@code index} (from 0), read after a window whose last root was
     * {@code last} (null for the first window).
     */
    public Query<T> window(long index, T last) {
        if (id != null) {
            Attribute<T, ?> key = Attribute.of(query.entityType(), id.attribute(), Boxing.boxed(id.type().javaClass()));
            Query<T> q = query.orderBy(key.asc()).limit(window);
            return last == null ? q : q.where(new Predicate.Compare(key, Predicate.Op.GT, id.get(last)));
        }
        if (seek) {
            // Any other total order of non-null root attributes: after the last row, as seekAfter pages.
            Query<T> q = query.limit(window);
            return last == null ? q : q.seekAfter(last);
        }
        long skipped = index * window;
        long offset = (query.offset() == null ? 0 : query.offset()) + skipped;
        long size = query.limit() == null ? window : Math.max(0, Math.min(window, query.limit() - skipped));
        return query.limit(size).offset(offset);
    }
}
