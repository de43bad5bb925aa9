package dev.braid.reactive;

import dev.braid.query.CommonTable;
import dev.braid.query.Order;
import dev.braid.query.Predicate;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Relation;
import dev.braid.query.Selection;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A projection bound to a session (SQLAlchemy's {@code session.execute(select(User.name, func.count(...)))}):
 * columns, aggregates, subqueries and whole entities, from {@code session.select(Article_.title, count())}.
 * Refining methods return a new {@code Projection}; nothing runs until a terminal method's publisher is
 * subscribed. The query model is {@link ProjectionQuery}: see it for joins, grouping and set operations.
 *
 * <p>Values are not tracked; a selected entity ({@code Projections.entity(Article.class)}) is the session's
 * tracked object, with the mapping's default loads. Pending changes are flushed first (autoflush). A
 * query that SQL would refuse ({@code having} without {@code groupBy}, a selected column neither grouped
 * nor aggregated, an aggregate in {@code where}, a record component of the wrong type) fails with
 * {@code BRAID_QUERY} before anything is sent.
 *
 * @param <R> the row type: the value (one selection), a {@code Tuple2} ... {@code Tuple6}, a {@code Tuple}, or a record
 */
public interface Projection<R> {

    /**
     * Selects from {@code entity}'s table (needed when no selection names an entity first, e.g. {@code count()}).
     *
     * @param entity the mapped entity class
     * @return the refined projection
     */
    Projection<R> from(Class<?> entity);

    /**
     * Selects from a common table (rendered in the statement's {@code WITH}).
     *
     * @param table the common table
     * @return the refined projection
     */
    Projection<R> from(CommonTable<?> table);

    /**
     * Inner join along a mapped relationship (many-to-one, one-to-many, many-to-many through the link table).
     *
     * @param relation the relationship, from the root or an entity joined before
     * @return the refined projection
     */
    Projection<R> join(Relation<?, ?> relation);

    /**
     * Left outer join along a mapped relationship: rows without a related row stay, with NULLs for it.
     *
     * @param relation the relationship, from the root or an entity joined before
     * @return the refined projection
     */
    Projection<R> leftJoin(Relation<?, ?> relation);

    /**
     * Inner join of an entity's table on a condition.
     *
     * @param entity the mapped entity class
     * @param on     the join condition
     * @return the refined projection
     */
    Projection<R> join(Class<?> entity, Predicate on);

    /**
     * Left outer join of an entity's table on a condition.
     *
     * @param entity the mapped entity class
     * @param on     the join condition
     * @return the refined projection
     */
    Projection<R> leftJoin(Class<?> entity, Predicate on);

    /**
     * Inner join of a common table on a condition over its columns.
     *
     * @param table the common table
     * @param on    the join condition
     * @return the refined projection
     */
    Projection<R> join(CommonTable<?> table, Predicate on);

    /**
     * Left outer join of a common table on a condition over its columns.
     *
     * @param table the common table
     * @param on    the join condition
     * @return the refined projection
     */
    Projection<R> leftJoin(CommonTable<?> table, Predicate on);

    /**
     * Adds a row filter; several calls are combined with AND.
     *
     * @param predicate the filter
     * @return the refined projection
     */
    Projection<R> where(Predicate predicate);

    /**
     * Groups the rows (an entity selection stands for all its columns).
     *
     * @param terms the grouping terms, after those already given
     * @return the refined projection
     */
    Projection<R> groupBy(Selection<?>... terms);

    /**
     * Filters groups, e.g. {@code having(count().gt(1L))}; needs {@link #groupBy}.
     *
     * @param predicate the group filter
     * @return the refined projection
     */
    Projection<R> having(Predicate predicate);

    /**
     * {@code SELECT DISTINCT}.
     *
     * @return the refined projection
     */
    Projection<R> distinct();

    /**
     * Appends ORDER BY terms, over any expression: {@code count().desc()}.
     *
     * @param terms the terms
     * @return the refined projection
     */
    Projection<R> orderBy(Order... terms);

    /**
     * Returns at most {@code limit} rows.
     *
     * @param limit the most rows, at least 0
     * @return the refined projection
     */
    Projection<R> limit(long limit);

    /**
     * Skips the first {@code offset} rows.
     *
     * @param offset the rows to skip, at least 0
     * @return the refined projection
     */
    Projection<R> offset(long offset);

    /**
     * {@code UNION} with another projection of the same values.
     *
     * @param other the other query
     * @return the combined projection
     */
    Projection<R> union(ProjectionQuery<R> other);

    /**
     * {@code UNION ALL} with another projection of the same values.
     *
     * @param other the other query
     * @return the combined projection
     */
    Projection<R> unionAll(ProjectionQuery<R> other);

    /**
     * {@code INTERSECT} with another projection of the same values.
     *
     * @param other the other query
     * @return the combined projection
     */
    Projection<R> intersect(ProjectionQuery<R> other);

    /**
     * {@code EXCEPT} another projection of the same values.
     *
     * @param other the other query
     * @return the combined projection
     */
    Projection<R> except(ProjectionQuery<R> other);

    /**
     * The same projection with each row mapped to a record (by component name when all match, else by
     * position; see {@link ProjectionQuery#into}).
     *
     * @param recordType the record class
     * @param <X>        the record type
     * @return the projection of records
     */
    <X> Projection<X> into(Class<X> recordType);

    /**
     * The query model, to run again elsewhere or to use as a subquery.
     *
     * @return the immutable query
     */
    ProjectionQuery<R> query();

    /**
     * The statement this projection sends (with its binds), rendered without a connection.
     *
     * @return the statement
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the projection is invalid
     */
    RenderedSql sql();

    /**
     * The rows, streamed as they arrive (read completely first when selected entities have relationships
     * to load). A row whose only value is NULL is not emitted (a Reactor stream carries no nulls): select
     * it in a tuple, or filter it out with {@code isNotNull()}, to tell them apart.
     *
     * @return the rows, in the query's order
     */
    Flux<R> all();

    /**
     * Exactly one row.
     *
     * @return the row (empty when its only value is NULL); errors with {@code BRAID_NO_RESULT} when none
     *         matches, {@code BRAID_NON_UNIQUE_RESULT} when several do
     */
    Mono<R> one();

    /**
     * The first row, or empty (also when its only value is NULL). Sends {@code LIMIT 1}.
     *
     * @return the first row
     */
    Mono<R> first();
}
