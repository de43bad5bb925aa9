package dev.braid.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An immutable query over one entity type: filter, order, limit and offset. Each method returns a
 * new query, so a base query can be shared and refined.
 */
public final class Query<T> {
    private final Class<T> entityType;
    private final Predicate where;
    private final List<Order> orderBy;
    private final Long limit;
    private final Long offset;

    private Query(Class<T> entityType, Predicate where, List<Order> orderBy, Long limit, Long offset) {
        this.entityType = Objects.requireNonNull(entityType, "entityType");
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
    }

    public static <T> Query<T> from(Class<T> entityType) {
        return new Query<>(entityType, null, List.of(), null, null);
    }

    /** Adds a filter; several calls are combined with AND. */
    public Query<T> where(Predicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        Predicate combined = where == null ? predicate : where.and(predicate);
        return new Query<>(entityType, combined, orderBy, limit, offset);
    }

    /** Appends ORDER BY terms. */
    public Query<T> orderBy(Order... terms) {
        List<Order> all = new ArrayList<>(orderBy);
        all.addAll(List.of(terms));
        return new Query<>(entityType, where, all, limit, offset);
    }

    public Query<T> limit(long limit) {
        if (limit < 0) throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        return new Query<>(entityType, where, orderBy, limit, offset);
    }

    public Query<T> offset(long offset) {
        if (offset < 0) throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        return new Query<>(entityType, where, orderBy, limit, offset);
    }

    public Class<T> entityType() { return entityType; }

    /** The filter, or null for all rows. */
    public Predicate where() { return where; }

    public List<Order> orderBy() { return orderBy; }

    /** The row limit, or null. */
    public Long limit() { return limit; }

    /** The row offset, or null. */
    public Long offset() { return offset; }
}
