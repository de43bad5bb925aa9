package dev.braid.core.internal.meta;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders objects of one entity by their key: the natural order of each id value (byte arrays
 * unsigned, as databases compare them), composite keys part by part. Loaded collections are put in
 * this order in memory rather than by an ORDER BY, which made the database sort every selectin chunk
 * before sending its first row.
 */
final class KeyOrder implements Comparator<Object> {
    private final EntityMapping entity;

    KeyOrder(EntityMapping entity) {
        this.entity = entity;
    }

    @Override
    public int compare(Object a, Object b) {
        List<ColumnMapping> ids = entity.idColumns();
        // One id column: read through the entity's generated access where it has one.
        if (ids.size() == 1) return compareValues(entity.idOf(a), entity.idOf(b));
        for (int i = 0; i < ids.size(); i++) {
            ColumnMapping id = ids.get(i);
            int c = compareValues(id.get(a), id.get(b));
            if (c != 0) return c;
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object x, Object y) {
        if (x == y) return 0;
        if (x == null) return -1; // not written yet: first, as NULLS FIRST would put it
        if (y == null) return 1;
        if (x instanceof byte[] bx && y instanceof byte[] by) return Arrays.compareUnsigned(bx, by);
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) return cx.compareTo(y);
        return 0; // not comparable: leave the database's order
    }
}
