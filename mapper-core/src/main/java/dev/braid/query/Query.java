package dev.braid.query;

import dev.braid.core.internal.util.Require;
import java.util.ArrayList;
import java.util.List;

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
    private final List<LoadOption> options;
    private final List<Relation<?, ?>> joins;

    private Query(Class<T> entityType, Predicate where, List<Order> orderBy, Long limit, Long offset,
                  List<LoadOption> options, List<Relation<?, ?>> joins) {
        this.entityType = Require.nonNull(entityType, "entityType");
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.options = List.copyOf(options);
        this.joins = List.copyOf(joins);
    }

    private Query(Class<T> entityType, Predicate where, List<Order> orderBy, Long limit, Long offset) {
        this(entityType, where, orderBy, limit, offset, List.of(), List.of());
    }

    public static <T> Query<T> from(Class<T> entityType) {
        return new Query<>(entityType, null, List.of(), null, null);
    }

    /** Adds load options for relationships of the results. */
    public Query<T> options(LoadOption... more) {
        List<LoadOption> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new Query<>(entityType, where, orderBy, limit, offset, all, joins);
    }

    /**
     * Joins a relationship so filters and ordering can use the related entity's attributes
     * (seed 000: the groups of user alice). Joins chain: each starts at the query's entity or at the
     * target of an earlier join. Each result appears once, however many related rows match.
     */
    public Query<T> join(Relation<?, ?> relation) {
        List<Relation<?, ?>> all = new ArrayList<>(joins);
        all.add(Require.nonNull(relation, "relation"));
        return new Query<>(entityType, where, orderBy, limit, offset, options, all);
    }

    public List<LoadOption> options() { return options; }

    public List<Relation<?, ?>> joins() { return joins; }

    /** Adds a filter; several calls are combined with AND. */
    public Query<T> where(Predicate predicate) {
        Require.nonNull(predicate, "predicate");
        Predicate combined = where == null ? predicate : where.and(predicate);
        return new Query<>(entityType, combined, orderBy, limit, offset, options, joins);
    }

    /** Appends ORDER BY terms. */
    public Query<T> orderBy(Order... terms) {
        List<Order> all = new ArrayList<>(orderBy);
        all.addAll(List.of(terms));
        return new Query<>(entityType, where, all, limit, offset, options, joins);
    }

    public Query<T> limit(long limit) {
        dev.braid.core.internal.util.Require.argument(limit >= 0, "limit(n) takes n >= 0, was " + limit);
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins);
    }

    public Query<T> offset(long offset) {
        dev.braid.core.internal.util.Require.argument(offset >= 0, "offset(n) takes n >= 0, was " + offset);
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins);
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
