package dev.braid.core.internal.meta;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The validated options of one relationship: the order of its loaded collection, the further column
 * pairs of a composite foreign key, the extra join condition on the target, and view-only.
 *
 * @param order      sort keys of the collection, most significant first; empty for key order
 * @param extraPairs the column pairs after {@link RelationshipMapping#localColumn()}/{@link RelationshipMapping#remoteColumn()}
 *                   of a composite foreign key (same meaning: local, remote); empty for one column
 * @param conditions terms on the target's columns, all of which must hold; empty for none
 * @param viewOnly   whether writes through the relationship are refused
 */
public record RelationshipOptions(List<SortKey> order, List<ColumnPair> extraPairs, List<Condition> conditions,
                                  boolean viewOnly) {
    /** No options. */
    public static final RelationshipOptions NONE = new RelationshipOptions(List.of(), List.of(), List.of(), false);

    public RelationshipOptions {
        order = List.copyOf(order);
        extraPairs = List.copyOf(extraPairs);
        conditions = List.copyOf(conditions);
    }

    /** One ORDER BY term of a collection: a target column, descending or not. */
    public record SortKey(ColumnMapping column, boolean descending) {}

    /** Two columns that must be equal: {@code local} on the relationship's owner (or link), {@code remote} on the target. */
    public record ColumnPair(ColumnMapping local, ColumnMapping remote) {}

    /**
     * {@code column operator value} with a bound driver value, or {@code column IS [NOT] NULL} when
     * {@code operator} is {@code IS NULL} / {@code IS NOT NULL} (value null).
     */
    public record Condition(ColumnMapping column, String operator, @Nullable Object value) {
        /** True for {@code IS NULL} / {@code IS NOT NULL}. */
        public boolean nullCheck() { return operator.startsWith("IS"); }
    }

    /**
     * The in-memory order of loaded members: the sort keys on the driver values, then {@code keyOrder}.
     * NULL compares higher than every value when {@code nullsHigh} (PostgreSQL's default), lower otherwise
     * (H2's), in both directions as the database does.
     */
    public Comparator<Object> memberOrder(boolean nullsHigh, Comparator<Object> keyOrder) {
        if (order.isEmpty()) return keyOrder;
        Comparator<Object> result = null;
        for (SortKey key : order) {
            Comparator<Object> one = (a, b) -> compareValues(key.column().getForDatabase(a),
                    key.column().getForDatabase(b), nullsHigh);
            if (key.descending()) one = one.reversed();
            result = result == null ? one : result.thenComparing(one);
        }
        return result.thenComparing(keyOrder);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(@Nullable Object x, @Nullable Object y, boolean nullsHigh) {
        if (x == y) return 0;
        if (x == null) return nullsHigh ? 1 : -1;
        if (y == null) return nullsHigh ? -1 : 1;
        if (x instanceof byte[] bx && y instanceof byte[] by) return Arrays.compareUnsigned(bx, by);
        if (x instanceof Comparable cx && x.getClass() == y.getClass()) return cx.compareTo(y);
        return 0;
    }
}
