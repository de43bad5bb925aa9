package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable query over columns and expressions instead of whole entities (SQLAlchemy's
 * {@code select(User.name, func.count(Address.id))}): what {@link Projections#of} builds and
 * {@code session.select(Article_.title, count())} runs. Each method returns a new query.
 *
 * <p>The rows come back as the selected value itself (one selection), a {@link Tuple2} ... {@link Tuple6}
 * (two to six), a {@link Tuple} (any number, from {@link Projections#of(Selection[])}), or a record of
 * the caller's ({@link #into}). Values are not tracked by a session; a selected entity
 * ({@link Projections#entity}) is the session's tracked object.
 *
 * <p>The root table is the {@link #from} entity, or else the entity of the first selected attribute.
 * {@link #join(Relation)} follows mapped relationships (many-to-one, one-to-many, many-to-many through
 * the link table) with an inner join, {@link #leftJoin(Relation)} with a left outer join; unlike an
 * entity query's joins they repeat rows, which is what grouping and counting need. The same query
 * serves as a subquery ({@link Expression#in(ProjectionQuery)}, {@link Functions#exists},
 * {@link Functions#scalar}), as a member of a set operation ({@link #union}), and as the body of a
 * {@link CommonTable}.
 *
 * @param <R> the row type
 */
public final class ProjectionQuery<R> {

    /** How a row's values become a result. */
    public enum Shape {
        /** One selection: the value itself. */
        VALUE,
        /** Two to six selections: a {@code Tuple2} ... {@code Tuple6}. */
        TUPLE,
        /** Any number of selections: a {@link Tuple}. */
        ROW,
        /** A record of the caller's ({@link #into}). */
        RECORD
    }

    /** How a set operation combines the rows of its members. */
    public enum SetOperator {
        /** Rows of either, duplicates removed. */
        UNION,
        /** Rows of both, duplicates kept. */
        UNION_ALL,
        /** Rows of both, duplicates removed. */
        INTERSECT,
        /** Rows of the left not in the right, duplicates removed. */
        EXCEPT
    }

    /**
     * One join: along a mapped relationship, or to an entity or a common table on an explicit condition.
     *
     * @param relation the relationship followed, or null for a join on a condition
     * @param entity   the entity joined on {@code on}, or null
     * @param table    the common table joined on {@code on}, or null
     * @param on       the join condition (null for a relationship: the mapping's keys)
     * @param left     true for LEFT OUTER JOIN
     */
    public record Join(@Nullable Relation<?, ?> relation, @Nullable Class<?> entity, @Nullable CommonTable<?> table,
                       @Nullable Predicate on, boolean left) {}

    private final List<Selection<?>> selections;
    private final Shape shape;
    private final @Nullable Class<?> recordType;
    private final @Nullable Class<?> fromEntity;
    private final @Nullable CommonTable<?> fromTable;
    private final List<Join> joins;
    private final boolean distinct;
    private final @Nullable Predicate where;
    private final List<Selection<?>> groupBy;
    private final @Nullable Predicate having;
    private final List<Order> orderBy;
    private final @Nullable Long limit;
    private final @Nullable Long offset;
    private final List<ProjectionQuery<?>> members; // a set operation of these, when not empty
    private final List<SetOperator> operators;      // between consecutive members

    private ProjectionQuery(Builder b) {
        this.selections = List.copyOf(b.selections);
        this.shape = b.shape;
        this.recordType = b.recordType;
        this.fromEntity = b.fromEntity;
        this.fromTable = b.fromTable;
        this.joins = List.copyOf(b.joins);
        this.distinct = b.distinct;
        this.where = b.where;
        this.groupBy = List.copyOf(b.groupBy);
        this.having = b.having;
        this.orderBy = List.copyOf(b.orderBy);
        this.limit = b.limit;
        this.offset = b.offset;
        this.members = List.copyOf(b.members);
        this.operators = List.copyOf(b.operators);
    }

    /** A query of {@code selections}, shaped as {@code shape} (see {@link Projections}). */
    static <R> ProjectionQuery<R> select(List<Selection<?>> selections, Shape shape) {
        Require.nonNull(selections, "selections");
        if (selections.isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "A projection selects at least one value."
                    + " Fix: name the attributes or expressions to select, e.g. Projections.of(Author_.name)");
        }
        for (int i = 0; i < selections.size(); i++) {
            Require.nonNull(selections.get(i), "selection " + (i + 1));
        }
        Builder b = new Builder();
        b.selections.addAll(selections);
        b.shape = shape;
        return new ProjectionQuery<>(b);
    }

    /**
     * Selects from {@code entity}'s table (needed when no selection names an entity first, e.g. {@code count()}).
     *
     * @param entity the mapped entity class whose table is the root of the query
     * @return the refined query
     * @throws MapperException {@code BRAID_ARGUMENT} when null, {@code BRAID_QUERY} on a set operation
     */
    public ProjectionQuery<R> from(Class<?> entity) {
        Builder b = simple("from");
        b.fromEntity = Require.nonNull(entity, "entity");
        b.fromTable = null;
        return new ProjectionQuery<>(b);
    }

    /**
     * Selects from a common table expression (rendered in the statement's {@code WITH}); an entity-shaped
     * table ({@link CommonTable#of(String, Query)}, {@link CommonTable#recursive}) answers for its entity's
     * attributes.
     *
     * @param table the common table
     * @return the refined query
     * @throws MapperException {@code BRAID_ARGUMENT} when null, {@code BRAID_QUERY} on a set operation
     */
    public ProjectionQuery<R> from(CommonTable<?> table) {
        Builder b = simple("from");
        b.fromTable = Require.nonNull(table, "table");
        b.fromEntity = null;
        return new ProjectionQuery<>(b);
    }

    /**
     * Inner join along a mapped relationship from the root or an entity joined before (rows without a
     * related row drop out; rows with several repeat).
     *
     * @param relation the relationship
     * @return the refined query
     */
    public ProjectionQuery<R> join(Relation<?, ?> relation) {
        return join(new Join(Require.nonNull(relation, "relation"), null, null, null, false));
    }

    /**
     * Left outer join along a mapped relationship: rows without a related row stay, with NULLs for it
     * (so {@code count(Book_.id)} is 0 for an author without books).
     *
     * @param relation the relationship
     * @return the refined query
     */
    public ProjectionQuery<R> leftJoin(Relation<?, ?> relation) {
        return join(new Join(Require.nonNull(relation, "relation"), null, null, null, true));
    }

    /**
     * Inner join of an entity's table on a condition, for entities without a mapped relationship between them.
     *
     * @param entity the mapped entity class joined
     * @param on     the join condition, e.g. {@code Favorite_.articleId.eqTo(Article_.id)}
     * @return the refined query
     */
    public ProjectionQuery<R> join(Class<?> entity, Predicate on) {
        return join(new Join(null, Require.nonNull(entity, "entity"), null, Require.nonNull(on, "on"), false));
    }

    /**
     * Left outer join of an entity's table on a condition.
     *
     * @param entity the mapped entity class joined
     * @param on     the join condition
     * @return the refined query
     */
    public ProjectionQuery<R> leftJoin(Class<?> entity, Predicate on) {
        return join(new Join(null, Require.nonNull(entity, "entity"), null, Require.nonNull(on, "on"), true));
    }

    /**
     * Inner join of a common table on a condition over its columns ({@link CommonTable#get}).
     *
     * @param table the common table
     * @param on    the join condition
     * @return the refined query
     */
    public ProjectionQuery<R> join(CommonTable<?> table, Predicate on) {
        return join(new Join(null, null, Require.nonNull(table, "table"), Require.nonNull(on, "on"), false));
    }

    /**
     * Left outer join of a common table on a condition over its columns.
     *
     * @param table the common table
     * @param on    the join condition
     * @return the refined query
     */
    public ProjectionQuery<R> leftJoin(CommonTable<?> table, Predicate on) {
        return join(new Join(null, null, Require.nonNull(table, "table"), Require.nonNull(on, "on"), true));
    }

    private ProjectionQuery<R> join(Join join) {
        Builder b = simple("join");
        b.joins.add(join);
        return new ProjectionQuery<>(b);
    }

    /**
     * Adds a row filter (before grouping); several calls are combined with AND. Aggregates belong in
     * {@link #having}.
     *
     * @param predicate the filter
     * @return the refined query
     */
    public ProjectionQuery<R> where(Predicate predicate) {
        Require.nonNull(predicate, "predicate");
        Builder b = simple("where");
        b.where = b.where == null ? predicate : b.where.and(predicate);
        return new ProjectionQuery<>(b);
    }

    /**
     * Groups the rows by these attributes or expressions (an entity selection stands for all its
     * columns); every selected value that is not an aggregate must be grouped.
     *
     * @param terms the grouping terms, after those already given
     * @return the refined query
     */
    public ProjectionQuery<R> groupBy(Selection<?>... terms) {
        Builder b = simple("groupBy");
        for (Selection<?> term : Require.nonNull(terms, "terms")) b.groupBy.add(Require.nonNull(term, "a groupBy term"));
        return new ProjectionQuery<>(b);
    }

    /**
     * Filters groups, e.g. {@code having(count().gt(1L))}; several calls are combined with AND. Needs
     * {@link #groupBy} ({@code BRAID_QUERY} when the query is planned).
     *
     * @param predicate the filter over aggregates and grouped values
     * @return the refined query
     */
    public ProjectionQuery<R> having(Predicate predicate) {
        Require.nonNull(predicate, "predicate");
        Builder b = simple("having");
        b.having = b.having == null ? predicate : b.having.and(predicate);
        return new ProjectionQuery<>(b);
    }

    /**
     * {@code SELECT DISTINCT}: each distinct row once.
     *
     * @return the refined query
     */
    public ProjectionQuery<R> distinct() {
        Builder b = simple("distinct");
        b.distinct = true;
        return new ProjectionQuery<>(b);
    }

    /**
     * Appends ORDER BY terms, over any expression ({@code count().desc()}); on a set operation, over the
     * first member's selections.
     *
     * @param terms the terms, after those already given
     * @return the refined query
     */
    public ProjectionQuery<R> orderBy(Order... terms) {
        Builder b = new Builder(this);
        for (Order term : Require.nonNull(terms, "terms")) b.orderBy.add(Require.nonNull(term, "an orderBy term"));
        return new ProjectionQuery<>(b);
    }

    /**
     * Returns at most {@code limit} rows (replacing an earlier limit).
     *
     * @param limit the most rows, at least 0
     * @return the refined query
     */
    public ProjectionQuery<R> limit(long limit) {
        Require.argument(limit >= 0, "limit(n) takes n >= 0, was " + limit);
        Builder b = new Builder(this);
        b.limit = limit;
        return new ProjectionQuery<>(b);
    }

    /**
     * Skips the first {@code offset} rows (replacing an earlier offset).
     *
     * @param offset the rows to skip, at least 0
     * @return the refined query
     */
    public ProjectionQuery<R> offset(long offset) {
        Require.argument(offset >= 0, "offset(n) takes n >= 0, was " + offset);
        Builder b = new Builder(this);
        b.offset = offset;
        return new ProjectionQuery<>(b);
    }

    /**
     * {@code this UNION other}: the rows of either, duplicates removed. Both select the same number of
     * values of the same types; {@code orderBy}, {@code limit} and {@code offset} given afterwards apply to
     * the whole.
     *
     * @param other the other query
     * @return the set operation
     */
    public ProjectionQuery<R> union(ProjectionQuery<R> other) { return combine(SetOperator.UNION, other); }

    /**
     * {@code this UNION ALL other}: the rows of both, duplicates kept.
     *
     * @param other the other query
     * @return the set operation
     */
    public ProjectionQuery<R> unionAll(ProjectionQuery<R> other) { return combine(SetOperator.UNION_ALL, other); }

    /**
     * {@code this INTERSECT other}: the rows of both.
     *
     * @param other the other query
     * @return the set operation
     */
    public ProjectionQuery<R> intersect(ProjectionQuery<R> other) { return combine(SetOperator.INTERSECT, other); }

    /**
     * {@code this EXCEPT other}: the rows of this one that are not rows of the other.
     *
     * @param other the other query
     * @return the set operation
     */
    public ProjectionQuery<R> except(ProjectionQuery<R> other) { return combine(SetOperator.EXCEPT, other); }

    private ProjectionQuery<R> combine(SetOperator operator, ProjectionQuery<R> other) {
        Require.nonNull(other, "other");
        Builder b = new Builder();
        b.selections.addAll(selections);
        b.shape = shape;
        b.recordType = recordType;
        // Chained operators apply left to right: the left side is kept whole when SQL's precedence
        // (INTERSECT before the others) would otherwise regroup it.
        boolean extend = isCompound() && orderBy.isEmpty() && limit == null && offset == null
                && (operator != SetOperator.INTERSECT || operators.stream().allMatch(o -> o == SetOperator.INTERSECT));
        if (extend) {
            b.members.addAll(members);
            b.operators.addAll(operators);
        } else {
            b.members.add(this);
        }
        b.members.add(other);
        b.operators.add(operator);
        return new ProjectionQuery<>(b);
    }

    /**
     * The same query with rows mapped to a record: by component name when every component is named like
     * a selection (an attribute's name, an {@link Expression#as} label, an entity's class name starting in
     * lower case), else by position. Each component's type must hold the value selected for it
     * (primitives for values that are never null).
     *
     * @param recordType the record class
     * @param <X>        the record type
     * @return the query returning records
     * @throws MapperException {@code BRAID_QUERY} when the class is not a record; when the counts differ or a
     *         component's type cannot hold its value, planning the query fails (before anything is sent) with
     *         {@code BRAID_QUERY} naming the component and the fix
     */
    public <X> ProjectionQuery<X> into(Class<X> recordType) {
        Require.nonNull(recordType, "recordType");
        if (!recordType.isRecord()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "into(" + recordType.getSimpleName() + ".class): "
                    + recordType.getSimpleName() + " is not a record. Fix: declare a record with one component per"
                    + " selected value, e.g. record ArticleCount(String title, long favorites)");
        }
        Builder b = new Builder(this);
        b.shape = Shape.RECORD;
        b.recordType = recordType;
        return new ProjectionQuery<>(b);
    }

    private Builder simple(String method) {
        if (isCompound()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, method + "(...) on a " + operators.get(0)
                    .name().replace('_', ' ') + " of queries: it belongs to one of its members. Fix: call "
                    + method + "(...) on each query before combining them");
        }
        return new Builder(this);
    }

    /**
     * What the query selects, in order (a set operation's: its first member's).
     *
     * @return the selections (immutable)
     */
    public List<Selection<?>> selections() { return selections; }

    /**
     * How rows become results.
     *
     * @return the shape
     */
    public Shape shape() { return shape; }

    /**
     * The record class of {@link Shape#RECORD} rows.
     *
     * @return the record class, or null for other shapes
     */
    public @Nullable Class<?> recordType() { return recordType; }

    /**
     * The explicit root entity.
     *
     * @return the entity given to {@link #from(Class)}, or null
     */
    public @Nullable Class<?> fromEntity() { return fromEntity; }

    /**
     * The common table selected from.
     *
     * @return the table given to {@link #from(CommonTable)}, or null
     */
    public @Nullable CommonTable<?> fromTable() { return fromTable; }

    /**
     * The joins, in order.
     *
     * @return the joins (immutable)
     */
    public List<Join> joins() { return joins; }

    /**
     * Whether rows are distinct ({@code SELECT DISTINCT}).
     *
     * @return true after {@link #distinct()}
     */
    public boolean isDistinct() { return distinct; }

    /**
     * The row filter.
     *
     * @return every {@link #where} combined with AND, or null
     */
    public @Nullable Predicate where() { return where; }

    /**
     * The grouping terms.
     *
     * @return the terms (immutable), empty for no grouping
     */
    public List<Selection<?>> groupBy() { return groupBy; }

    /**
     * The group filter.
     *
     * @return every {@link #having} combined with AND, or null
     */
    public @Nullable Predicate having() { return having; }

    /**
     * The ORDER BY terms.
     *
     * @return the terms (immutable)
     */
    public List<Order> orderBy() { return orderBy; }

    /**
     * The row limit.
     *
     * @return the limit, or null
     */
    public @Nullable Long limit() { return limit; }

    /**
     * The row offset.
     *
     * @return the offset, or null
     */
    public @Nullable Long offset() { return offset; }

    /**
     * Whether this is a set operation ({@link #union} and the like) of {@link #members()}.
     *
     * @return true for a set operation
     */
    public boolean isCompound() { return !members.isEmpty(); }

    /**
     * The queries a set operation combines, in order.
     *
     * @return the members (immutable), empty for a plain query
     */
    public List<ProjectionQuery<?>> members() { return members; }

    /**
     * The operators between consecutive members.
     *
     * @return one operator fewer than members (immutable)
     */
    public List<SetOperator> operators() { return operators; }

    /**
     * The Java type of each selected value, in order (an entity selection's: the entity class; a predicate's: Boolean).
     *
     * @return the value types
     */
    public List<Class<?>> valueTypes() {
        List<Class<?>> types = new ArrayList<>(selections.size());
        for (Selection<?> s : selections) types.add(valueType(s));
        return types;
    }

    static Class<?> valueType(Selection<?> s) {
        if (s instanceof Expression<?> e) return e.valueType();
        if (s instanceof EntitySelection<?> entity) return entity.entityType();
        if (s instanceof Predicate) return Boolean.class;
        throw new MapperException(ErrorCode.BRAID_QUERY, s + " is not something Braid can select. Fix: select"
                + " attributes, aggregates, predicates or Projections.entity(...)");
    }

    /** {@code select [Author.name, count()] from Author ...}, for error messages. */
    @Override
    public String toString() {
        if (isCompound()) {
            StringBuilder out = new StringBuilder("(").append(members.get(0));
            for (int i = 0; i < operators.size(); i++) {
                out.append(' ').append(operators.get(i).name().replace('_', ' ')).append(' ').append(members.get(i + 1));
            }
            return out.append(')').toString();
        }
        StringBuilder out = new StringBuilder("select ").append(selections);
        if (fromEntity != null) out.append(" from ").append(fromEntity.getSimpleName());
        if (fromTable != null) out.append(" from ").append(fromTable.name());
        return out.toString();
    }

    private static final class Builder {
        final List<Selection<?>> selections = new ArrayList<>();
        Shape shape = Shape.VALUE;
        Class<?> recordType;
        Class<?> fromEntity;
        CommonTable<?> fromTable;
        final List<Join> joins = new ArrayList<>();
        boolean distinct;
        Predicate where;
        final List<Selection<?>> groupBy = new ArrayList<>();
        Predicate having;
        final List<Order> orderBy = new ArrayList<>();
        Long limit;
        Long offset;
        final List<ProjectionQuery<?>> members = new ArrayList<>();
        final List<SetOperator> operators = new ArrayList<>();

        Builder() {}

        Builder(ProjectionQuery<?> q) {
            selections.addAll(q.selections);
            shape = q.shape;
            recordType = q.recordType;
            fromEntity = q.fromEntity;
            fromTable = q.fromTable;
            joins.addAll(q.joins);
            distinct = q.distinct;
            where = q.where;
            groupBy.addAll(q.groupBy);
            having = q.having;
            orderBy.addAll(q.orderBy);
            limit = q.limit;
            offset = q.offset;
            members.addAll(q.members);
            operators.addAll(q.operators);
        }
    }
}
