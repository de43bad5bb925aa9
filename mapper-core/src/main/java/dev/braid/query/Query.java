package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable query over one entity type: filter, order, limit and offset. Each method returns a
 * new query, so a base query can be shared and refined.
 *
 * @param <T> the entity type the query returns
 */
public final class Query<T> {
    private final Class<T> entityType;
    private final @Nullable Predicate where;
    private final List<Order> orderBy;
    private final @Nullable Long limit;
    private final @Nullable Long offset;
    private final List<LoadOption> options;
    private final List<Relation<?, ?>> joins;
    private final @Nullable Seek seek;

    private Query(Class<T> entityType, @Nullable Predicate where, List<Order> orderBy, @Nullable Long limit,
                  @Nullable Long offset, List<LoadOption> options, List<Relation<?, ?>> joins, @Nullable Seek seek) {
        this.entityType = Require.nonNull(entityType, "entityType");
        this.where = where;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.options = List.copyOf(options);
        this.joins = List.copyOf(joins);
        this.seek = seek;
    }

    private Query(Class<T> entityType, @Nullable Predicate where, List<Order> orderBy, @Nullable Long limit,
                  @Nullable Long offset) {
        this(entityType, where, orderBy, limit, offset, List.of(), List.of(), null);
    }

    /**
     * A query for every row of an entity, in no particular order.
     *
     * @param entityType the mapped entity class
     * @param <T>        the entity type
     * @return the query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code entityType} is null
     */
    public static <T> Query<T> from(Class<T> entityType) {
        return new Query<>(entityType, null, List.of(), null, null);
    }

    /**
     * Adds load options for relationships of the results.
     *
     * @param more the options, after those already given
     * @return the refined query
     */
    public Query<T> options(LoadOption... more) {
        List<LoadOption> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new Query<>(entityType, where, orderBy, limit, offset, all, joins, seek);
    }

    /**
     * Joins a relationship so filters and ordering can use the related entity's attributes
     * (seed 000: the groups of user alice). Joins chain: each starts at the query's entity or at the
     * target of an earlier join. Each result appears once, however many related rows match.
     *
     * @param relation the relationship to join
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code relation} is null
     */
    public Query<T> join(Relation<?, ?> relation) {
        List<Relation<?, ?>> all = new ArrayList<>(joins);
        all.add(Require.nonNull(relation, "relation"));
        return new Query<>(entityType, where, orderBy, limit, offset, options, all, seek);
    }

    /**
     * The load options, in the order given.
     *
     * @return the options (immutable)
     */
    public List<LoadOption> options() { return options; }

    /**
     * The joined relationships, in the order given.
     *
     * @return the joins (immutable)
     */
    public List<Relation<?, ?>> joins() { return joins; }

    /**
     * Adds a filter; several calls are combined with AND.
     *
     * @param predicate the filter
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code predicate} is null
     */
    public Query<T> where(Predicate predicate) {
        Require.nonNull(predicate, "predicate");
        Predicate combined = where == null ? predicate : where.and(predicate);
        return new Query<>(entityType, combined, orderBy, limit, offset, options, joins, seek);
    }

    /**
     * Appends ORDER BY terms.
     *
     * @param terms the terms, after those already given
     * @return the refined query
     */
    public Query<T> orderBy(Order... terms) {
        List<Order> all = new ArrayList<>(orderBy);
        all.addAll(List.of(terms));
        return new Query<>(entityType, where, all, limit, offset, options, joins, seek);
    }

    /**
     * Returns at most {@code limit} results (replacing an earlier limit).
     *
     * @param limit the most results, at least 0
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code limit} is negative
     */
    public Query<T> limit(long limit) {
        dev.braid.core.internal.util.Require.argument(limit >= 0, "limit(n) takes n >= 0, was " + limit);
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins, seek);
    }

    /**
     * Skips the first {@code offset} results (replacing an earlier offset).
     *
     * @param offset the results to skip, at least 0
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code offset} is negative
     */
    public Query<T> offset(long offset) {
        dev.braid.core.internal.util.Require.argument(offset >= 0, "offset(n) takes n >= 0, was " + offset);
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins, seek);
    }

    /**
     * Keyset pagination: only the results that come after {@code lastRow} in this query's order (the
     * last result of the previous page), as {@code WHERE (a, b) > (last.a, last.b)} spelled out per
     * direction. Unlike {@link #offset}, the database does not read and skip the earlier rows, so every
     * page costs the same, and rows inserted or deleted meanwhile do not shift the pages. The order
     * ({@link #orderBy}, given before or after this call) must make rows unique: it must include the
     * id (or a unique non-null column) and may mix directions; its attributes must not be nullable
     * unless the filter says {@code isNotNull()} for them. The order values are read from
     * {@code lastRow} when the query is planned. Replaces an earlier seek.
     *
     * @param lastRow the last result of the previous page (an object of this query's entity)
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code lastRow} is null
     */
    public Query<T> seekAfter(T lastRow) {
        Require.nonNull(lastRow, "lastRow");
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins, new Seek(lastRow, null));
    }

    /**
     * {@link #seekAfter(Object)} from the order values of the last row instead of the row itself, one
     * per {@link #orderBy} term in order (what a web API puts into its "next page" cursor).
     *
     * @param orderValues the last row's values of the order terms
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when a value is null
     */
    public Query<T> seekAfterValues(Object... orderValues) {
        Require.nonNull(orderValues, "orderValues");
        return new Query<>(entityType, where, orderBy, limit, offset, options, joins,
                new Seek(null, java.util.Arrays.asList(orderValues)));
    }

    /**
     * Where keyset pagination starts ({@link #seekAfter}).
     *
     * @return the seek, or null when the query starts at the first row
     */
    public @Nullable Seek seek() { return seek; }

    /**
     * Where a keyset page starts: after a row, given as the row object or as its order values.
     *
     * @param row    the last row of the previous page, or null when {@code values} are given
     * @param values that row's values of the order terms, or null when {@code row} is given
     */
    public record Seek(@Nullable Object row, @Nullable List<Object> values) {
        /**
         * Checks that exactly one form is given and copies the values.
         *
         * @param row    the last row, or null
         * @param values the order values, or null
         * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} unless exactly one is given,
         *         {@code BRAID_QUERY} when a value is null
         */
        public Seek {
            Require.argument((row == null) != (values == null), "A seek is after a row or after its order values, not both");
            if (values != null) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) == null) {
                        throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY,
                                "seekAfterValues(...) was given null as order value " + i + " of " + values.size()
                                        + ": keyset pages compare with <, = and >, which never match NULL. Fix: order by"
                                        + " non-null attributes and pass the last row's values");
                    }
                }
                values = List.copyOf(values);
            }
        }
    }

    /**
     * The entity the query returns.
     *
     * @return the entity class
     */
    public Class<T> entityType() { return entityType; }

    /**
     * The filter: every {@link #where(Predicate)} combined with AND.
     *
     * @return the filter, or null for all rows
     */
    public @Nullable Predicate where() { return where; }

    /**
     * The ORDER BY terms, in order.
     *
     * @return the terms (immutable), empty for no order
     */
    public List<Order> orderBy() { return orderBy; }

    /**
     * The row limit.
     *
     * @return the limit, or null for none
     */
    public @Nullable Long limit() { return limit; }

    /**
     * The row offset.
     *
     * @return the offset, or null for none
     */
    public @Nullable Long offset() { return offset; }
}
