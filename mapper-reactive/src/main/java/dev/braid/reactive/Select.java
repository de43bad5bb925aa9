package dev.braid.reactive;

import dev.braid.query.LoadOption;
import dev.braid.query.Order;
import dev.braid.query.Relation;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query bound to a session. Refining methods return a new {@code Select}; nothing runs until a
 * terminal method's publisher is subscribed. Errors of the terminal methods arrive through their
 * publishers; an unmapped attribute or relationship fails with {@code BRAID_QUERY} naming it.
 *
 * @param <T> the entity type the query returns
 */
public interface Select<T> {

    /**
     * Adds a filter; several calls are combined with AND.
     *
     * @param predicate the filter
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code predicate} is null
     */
    Select<T> where(Predicate predicate);

    /**
     * Appends ORDER BY terms, e.g. {@code Author_.name.asc()}.
     *
     * @param terms the terms, after those already given
     * @return the refined query
     */
    Select<T> orderBy(Order... terms);

    /**
     * Load options for relationships of the results, e.g. {@code Loads.selectin(Author_.books)}.
     *
     * @param options the options, after those already given
     * @return the refined query
     */
    Select<T> options(LoadOption... options);

    /**
     * Joins a relationship, so where/orderBy can use the related entity's attributes; each result
     * once. A to-one relationship (many-to-one, one-to-one) is an inner JOIN. A to-many one
     * (one-to-many, many-to-many, or anything joined below it) filters the results with one
     * correlated {@code EXISTS} holding these joins and the whole filter, so {@link #limit},
     * {@link #offset} and {@link #count()} count results, not joined rows. Ordering by an attribute
     * of a to-many join is refused ({@code BRAID_QUERY}): a result has several such values.
     *
     * @param relation the relationship, from the query's entity or an earlier join's target
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code relation} is null
     */
    Select<T> join(Relation<?, ?> relation);

    /**
     * Returns at most {@code limit} results (replacing an earlier limit).
     *
     * @param limit the most results, at least 0
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code limit} is negative
     */
    Select<T> limit(long limit);

    /**
     * Skips the first {@code offset} results (replacing an earlier offset).
     *
     * @param offset the results to skip, at least 0
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code offset} is negative
     */
    Select<T> offset(long offset);

    /**
     * Keyset pagination: only the results after {@code lastRow} in this query's order (the last result of
     * the previous page). The database starts reading at that row instead of reading and skipping the
     * earlier ones, as {@link #offset} does, so every page costs the same and concurrent inserts do not
     * shift pages. The order must include the id (or a unique non-null column) and may mix directions
     * over several attributes: {@code orderBy(Article_.createdAt.desc(), Article_.id.desc()).seekAfter(last).limit(20)}.
     * Ordering by a nullable attribute is refused unless the filter says {@code isNotNull()} for it (H2
     * and PostgreSQL sort NULLs at opposite ends). Checked, with {@code BRAID_QUERY} naming the attribute
     * and the fix, before anything is sent. The SQL: {@code WHERE <filter> AND a >= $1 AND (a > $2 OR
     * (a = $3 AND id > $4))}, {@code <} for descending terms.
     *
     * @param lastRow the last result of the previous page; its order values are read when the query runs
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code lastRow} is null
     */
    Select<T> seekAfter(T lastRow);

    /**
     * {@link #seekAfter(Object)} from the last row's order values, one per order term in order: for a
     * stateless API whose "next page" cursor carries the values, not the object.
     *
     * @param orderValues the last row's value of each order term
     * @return the refined query
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when a value is null
     */
    Select<T> seekAfterValues(Object... orderValues);

    /**
     * Reads without tracking: the results are detached objects, as from {@link #stream(int)}. The
     * session keeps no state or snapshot for them, so reading costs less time and memory and the
     * flushes that follow never look at them; changes to them are not saved (bring one back with
     * {@code session.merge}). Within one query each row still becomes one object, so relationships
     * loaded with it form a consistent graph. Pending changes are flushed first, as for any query.
     * Use it for reports, exports and read-only endpoints.
     *
     * @return the refined query
     */
    Select<T> readOnly();

    /**
     * The query model, for reuse with another session.
     *
     * @return the immutable query
     */
    Query<T> query();

    /**
     * The SQL this query sends (with its binds), rendered without a connection.
     *
     * @return the root query's statement (relationship loads that follow it are not included)
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the query is invalid
     */
    RenderedSql sql();

    /**
     * The matching entities, streamed as rows arrive, honouring backpressure. The session is busy
     * until the stream terminates: collect it before starting another query in the same session.
     *
     * @return the entities, in the query's order
     */
    Flux<T> all();

    /**
     * The matching entities with their relationships (load options and defaults), in windows of
     * {@code window} roots: each window is read, its relationships loaded, then emitted; at most one
     * window is read ahead of what the subscriber has taken. Memory stays bounded whatever the result size:
     * PostgreSQL reads through a server-side cursor (in a transaction; one is begun if the session has
     * none), H2 through keyset pages on the id. The objects are detached: changes to them are not
     * flushed by this session. Cancelling closes the cursor and frees the connection.
     *
     * @param window roots per window, at least 1
     * @return the detached entities, in the query's order; fails with {@code BRAID_ARGUMENT} when
     *         {@code window} is less than 1
     */
    Flux<T> stream(int window);

    /**
     * {@link #stream(int)} with the dialect's default window (500 roots).
     *
     * @return the detached entities
     */
    Flux<T> stream();

    /**
     * Exactly one entity.
     *
     * @return the entity; errors with {@code BRAID_NO_RESULT} when none matches, {@code BRAID_NON_UNIQUE_RESULT}
     *         when several do
     */
    Mono<T> one();

    /**
     * The first entity (in the query's order), or empty. Sends {@code LIMIT 1}.
     *
     * @return the first entity, or empty when none matches
     */
    Mono<T> first();

    /**
     * Deletes the matching rows with one statement, without loading them (SQLAlchemy's
     * {@code delete(Book).where(...)}), and emits how many were deleted. Pending changes are flushed
     * first; objects the session holds for deleted rows are detached. Nothing cascades in memory:
     * rows that reference the deleted ones must go first, or be removed by the database
     * ({@code passiveDeletes} with ON DELETE CASCADE); collections already loaded elsewhere are not
     * updated. Takes a filter only ({@code BRAID_QUERY} otherwise, or without any filter).
     *
     * @return the number of rows deleted
     */
    Mono<Long> delete();

    /**
     * Updates the matching rows with one statement, without loading them (SQLAlchemy's
     * {@code update(User).where(...).values(...)}), and emits how many were updated:
     * {@code select(Author.class).where(Author_.born.lt(1800)).update(Updates.set(Author_.name, "x"))}.
     * Pending changes are flushed first. A version column is incremented by the database. Objects the
     * session holds for updated rows take the new values, in their fields and snapshots (the statement
     * then returns the updated rows' keys and new values: {@code RETURNING} on PostgreSQL,
     * {@code FINAL TABLE} on H2; SQLAlchemy's {@code synchronize_session='fetch'}), so no UPDATE of
     * those columns follows; if the transaction rolls back they get their old values back. When the
     * session holds no object of the entity, the plain UPDATE is sent. Takes a filter only; a missing
     * filter, a relationship, the key, the version, an unmapped attribute or a value of the wrong type
     * fail with {@code BRAID_QUERY} before anything is sent.
     *
     * @param assignments what to set, built with {@link dev.braid.query.Updates}
     * @return the number of rows updated
     */
    Mono<Long> update(dev.braid.query.Assignment... assignments);

    /**
     * The UPDATE that {@link #update} sends when the session holds no object of the entity, rendered
     * without a connection.
     *
     * @param assignments what to set
     * @return the statement
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} as {@link #update} fails
     */
    RenderedSql updateSql(dev.braid.query.Assignment... assignments);

    /**
     * One page by number with the total count: two statements, the page's SELECT ({@code LIMIT size
     * OFFSET number * size}) then {@code SELECT COUNT(*)} over the same filter. In a transaction at READ
     * COMMITTED, rows committed between the two by others can make the total differ from what the pages
     * hold. For deep pages prefer {@link #pageWithTotal} after {@link #seekAfter}.
     *
     * @param number the page, from 0
     * @param size   results per page, at least 1
     * @return the page; errors with {@code BRAID_QUERY} when the query has its own limit, offset or seek
     */
    Mono<Page<T>> page(long number, int size);

    /**
     * The next {@code size} results (after {@link #seekAfter}, if given) with the total count: two
     * statements, the keyset page's SELECT ({@code LIMIT size}) then {@code SELECT COUNT(*)} over the
     * filter without the seek.
     *
     * @param size results per page, at least 1
     * @return the page; errors with {@code BRAID_QUERY} when the query has its own limit or offset
     */
    Mono<Page<T>> pageWithTotal(int size);

    /**
     * Number of matching entities ({@code SELECT COUNT(*)}); joins are counted as in {@link #join}:
     * each entity once. Refused with limit/offset ({@code BRAID_QUERY}).
     *
     * @return the number of matching entities
     */
    Mono<Long> count();

    /**
     * Whether any row matches ({@code SELECT 1 ... LIMIT 1}).
     *
     * @return true when at least one row matches
     */
    Mono<Boolean> exists();
}
