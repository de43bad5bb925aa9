package dev.braid.reactive;

import dev.braid.query.LoadOption;
import dev.braid.query.Order;
import dev.braid.query.Relation;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.core.internal.sql.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A query bound to a session. Refining methods return a new {@code Select}; nothing runs until a
 * terminal method's publisher is subscribed.
 */
public interface Select<T> {

    /** Adds a filter; several calls are combined with AND. */
    Select<T> where(Predicate predicate);

    /** Appends ORDER BY terms, e.g. {@code Author_.name.asc()}. */
    Select<T> orderBy(Order... terms);

    /** Load options for relationships of the results, e.g. {@code Loads.selectin(Author_.books)}. */
    Select<T> options(LoadOption... options);

    /**
     * Joins a relationship, so where/orderBy can use the related entity's attributes; each result
     * once. A to-one relationship (many-to-one, one-to-one) is an inner JOIN. A to-many one
     * (one-to-many, many-to-many, or anything joined below it) filters the results with one
     * correlated {@code EXISTS} holding these joins and the whole filter, so {@link #limit},
     * {@link #offset} and {@link #count()} count results, not joined rows. Ordering by an attribute
     * of a to-many join is refused ({@code BRAID_QUERY}): a result has several such values.
     */
    Select<T> join(Relation<?, ?> relation);

    Select<T> limit(long limit);

    Select<T> offset(long offset);

    /**
     * Reads without tracking: the results are detached objects, as from {@link #stream(int)}. The
     * session keeps no state or snapshot for them, so reading costs less time and memory and the
     * flushes that follow never look at them; changes to them are not saved (bring one back with
     * {@code session.merge}). Within one query each row still becomes one object, so relationships
     * loaded with it form a consistent graph. Pending changes are flushed first, as for any query.
     * Use it for reports, exports and read-only endpoints.
     */
    Select<T> readOnly();

    /** The query model, for reuse with another session. */
    Query<T> query();

    /** The SQL this query sends (with its binds), rendered without a connection. */
    RenderedSql sql();

    /**
     * The matching entities, streamed as rows arrive, honouring backpressure. The session is busy
     * until the stream terminates: collect it before starting another query in the same session.
     */
    Flux<T> all();

    /**
     * The matching entities with their relationships (load options and defaults), in windows of
     * {@code window} roots: each window is read, its relationships loaded, then emitted; at most one
     * window is read ahead of what the subscriber has taken. Memory stays bounded whatever the result size:
     * PostgreSQL reads through a server-side cursor (in a transaction; one is begun if the session has
     * none), H2 through keyset pages on the id. The objects are detached: changes to them are not
     * flushed by this session. Cancelling closes the cursor and frees the connection.
     */
    Flux<T> stream(int window);

    /** {@link #stream(int)} with the dialect's default window (500 roots). */
    Flux<T> stream();

    /** Exactly one entity: errors with {@code BRAID_NO_RESULT} or {@code BRAID_NON_UNIQUE_RESULT} otherwise. */
    Mono<T> one();

    /** The first entity (in the query's order), or empty. Sends {@code LIMIT 1}. */
    Mono<T> first();

    /**
     * Deletes the matching rows with one statement, without loading them (SQLAlchemy's
     * {@code delete(Book).where(...)}), and emits how many were deleted. Pending changes are flushed
     * first; objects the session holds for deleted rows are detached. Nothing cascades in memory:
     * rows that reference the deleted ones must go first, or be removed by the database
     * ({@code passiveDeletes} with ON DELETE CASCADE); collections already loaded elsewhere are not
     * updated. Takes a filter only ({@code BRAID_QUERY} otherwise, or without any filter).
     */
    Mono<Long> delete();

    /**
     * Number of matching entities ({@code SELECT COUNT(*)}); joins are counted as in {@link #join}:
     * each entity once. Refused with limit/offset ({@code BRAID_QUERY}).
     */
    Mono<Long> count();

    /** Whether any row matches ({@code SELECT 1 ... LIMIT 1}). */
    Mono<Boolean> exists();
}
