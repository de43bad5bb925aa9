package dev.braid.reactive;

import dev.braid.query.Relation;
import dev.braid.dialect.Dialect;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A unit of work on one connection: an identity map (one object per row), the objects added,
 * changed and deleted since the last flush, and the queries that read through it.
 *
 * <p>Obtain one from {@link Mapper#withSession} or {@link Mapper#inTransaction}; it is valid until
 * that scope ends. A session runs one operation at a time: start the next when the previous one
 * has completed (chain with {@code then}, {@code flatMap}, {@code concatMap}); overlapping use fails
 * with {@code BRAID_SESSION_BUSY} instead of corrupting the connection. Nothing here blocks.
 *
 * <p>Errors arrive through the returned publishers, not as thrown exceptions. Besides those each method
 * names, any of them can fail with {@code BRAID_SESSION_BUSY} (overlapping use), {@code BRAID_SESSION_CLOSED}
 * (used after its scope ended), {@code BRAID_SESSION_INACTIVE} (a flush failed in this transaction: roll
 * back), {@code BRAID_UNMAPPED} (an object of an unmapped class) and the database errors of the statements
 * it sends ({@code DatabaseException} and its subclasses, such as {@code ConstraintViolationException}).
 */
public interface Session {

    /**
     * The object with this id: from the identity map without SQL when the session already holds it,
     * else by one SELECT with the mapping's default loads planned as for a query: a {@code JOINED}
     * default is a LEFT OUTER JOIN in that SELECT, {@code SELECTIN} defaults follow it. Empty when no
     * row has that id. Composite keys take a {@code List} of parts.
     *
     * @param type the entity class
     * @param id   the id value, or a {@code List} of the key's parts in column order
     * @param <T>  the entity type
     * @return the object, or empty when no row has that id
     */
    <T> Mono<T> get(Class<T> type, Object id);

    /**
     * A query over {@code type}; refine it with where/orderBy/limit/offset, then run it.
     *
     * @param type the entity class
     * @param <T>  the entity type
     * @return a query of every row, bound to this session; nothing runs until a terminal method is subscribed
     */
    <T> Select<T> select(Class<T> type);

    /**
     * A query over the members of a write-only collection (SQLAlchemy's {@code author.books.select()}):
     * {@code session.select(author.books).where(Book_.title.startsWith("A")).count()}. Pending additions
     * and removals are flushed first, so they are reflected.
     *
     * @param collection a write-only collection of an object in this session
     * @param <T>        the member type
     * @return a query of the collection's members; running it errors with {@code BRAID_ENTITY_STATE} when the
     *         owner has no key yet
     */
    <T> Select<T> select(dev.braid.relation.WriteOnlyCollection<T> collection);

    /**
     * SQL written by hand, on this session's connection and transaction (SQLAlchemy's
     * {@code session.execute(text(...))}): {@code session.sql("SELECT * FROM authors WHERE name = :name")
     * .bind("name", "Austen").mapTo(Author.class).all()}, or {@code .execute()} for a write. Parameters are
     * {@code :name} or {@code ?}; Braid writes the database's markers. Pending changes are flushed first.
     *
     * @param sql the statement, with {@code :name} or {@code ?} parameters
     * @return the statement, bound to this session; nothing runs until a terminal method is subscribed
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} for an unterminated literal or comment,
     *         {@code $1}-style markers, or named and positional parameters mixed
     */
    RawSql sql(String sql);

    /**
     * An insert-or-ignore / insert-or-update of one object:
     * {@code session.upsert(new Tag("java")).onConflict(Tag_.name).doNothing().execute()}. See {@link Upsert}.
     *
     * @param entity a new object of a mapped class (not one this session holds)
     * @param <T>    the entity type
     * @return the upsert, colliding on the primary key and doing nothing until told otherwise; nothing runs
     *         until {@link Upsert#execute()} is subscribed
     */
    <T> Upsert<T, T> upsert(T entity);

    /**
     * An insert-or-ignore / insert-or-update of many objects of one class, many rows per statement:
     * {@code session.upsertAll(Tag.class, tags).onConflict(Tag_.name).doNothing().execute()}. See {@link Upsert}.
     *
     * @param type     the entity class
     * @param entities new objects of that class, each row's key once
     * @param <T>      the entity type
     * @return the upsert, colliding on the primary key and doing nothing until told otherwise
     */
    <T> Upsert<T, java.util.List<T>> upsertAll(Class<T> type, Iterable<? extends T> entities);

    /**
     * Adds one link row of a many-to-many unless it exists, without loading the collection (an idempotent
     * "favorite"): {@code session.link(user, User_.favorites, article)}. Pending changes are flushed first;
     * loaded collections on both ends then hold each other, and the next flush writes nothing more.
     *
     * @param owner    an object the session holds, of the relationship's owner class
     * @param relation a many-to-many through a link table ({@code User_.favorites})
     * @param target   an object the session holds, of the relationship's target class
     * @param <O>      the owner type
     * @param <T>      the target type
     * @return true when the row was inserted, false when it already existed; {@code BRAID_QUERY} for another
     *         kind of relationship, {@code BRAID_ENTITY_STATE} for objects the session does not hold
     */
    <O, T> Mono<Boolean> link(O owner, Relation<O, T> relation, T target);

    /**
     * Deletes one link row of a many-to-many if it exists, without loading the collection; loaded
     * collections on both ends follow. See {@link #link}.
     *
     * @param owner    an object the session holds, of the relationship's owner class
     * @param relation a many-to-many through a link table
     * @param target   an object the session holds, of the relationship's target class
     * @param <O>      the owner type
     * @param <T>      the target type
     * @return true when a row was deleted, false when there was none
     */
    <O, T> Mono<Boolean> unlink(O owner, Relation<O, T> relation, T target);

    /**
     * A projection of one value per row (SQLAlchemy's {@code session.scalars(select(User.name))}):
     * {@code session.select(count()).from(Article.class).one()}, {@code session.select(Article_.title).all()}.
     *
     * @param a   an attribute, aggregate, subquery, predicate or {@code Projections.entity(...)}
     * @param <A> the value type
     * @return a projection bound to this session; see {@link Projection}
     */
    default <A> Projection<A> select(dev.braid.query.Selection<A> a) {
        return select(dev.braid.query.Projections.of(a));
    }

    /**
     * A projection of two values per row:
     * {@code session.select(Article_.title, count(User_.id)).leftJoin(Article_.favoritedBy).groupBy(Article_.id, Article_.title)}.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param <A> the first type
     * @param <B> the second type
     * @return a projection of {@code Tuple2}s
     */
    default <A, B> Projection<dev.braid.query.Tuple2<A, B>> select(dev.braid.query.Selection<A> a,
                                                                     dev.braid.query.Selection<B> b) {
        return select(dev.braid.query.Projections.of(a, b));
    }

    /**
     * A projection of three values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @return a projection of {@code Tuple3}s
     */
    default <A, B, C> Projection<dev.braid.query.Tuple3<A, B, C>> select(dev.braid.query.Selection<A> a,
            dev.braid.query.Selection<B> b, dev.braid.query.Selection<C> c) {
        return select(dev.braid.query.Projections.of(a, b, c));
    }

    /**
     * A projection of four values per row.
     *
     * @param a   the first selection
     * @param b   the second selection
     * @param c   the third selection
     * @param d   the fourth selection
     * @param <A> the first type
     * @param <B> the second type
     * @param <C> the third type
     * @param <D> the fourth type
     * @return a projection of {@code Tuple4}s
     */
    default <A, B, C, D> Projection<dev.braid.query.Tuple4<A, B, C, D>> select(dev.braid.query.Selection<A> a,
            dev.braid.query.Selection<B> b, dev.braid.query.Selection<C> c, dev.braid.query.Selection<D> d) {
        return select(dev.braid.query.Projections.of(a, b, c, d));
    }

    /**
     * A projection of any number of values per row, as {@code Tuple}s (five or more; or map them to a record
     * with {@code into}).
     *
     * @param selections the selections, at least one
     * @return a projection of {@code Tuple}s
     */
    default Projection<dev.braid.query.Tuple> select(dev.braid.query.Selection<?>... selections) {
        return select(dev.braid.query.Projections.of(selections));
    }

    /**
     * A projection built without a session ({@code Projections.of(...)}), bound to this one.
     *
     * @param query the projection query
     * @param <R>   the row type
     * @return the projection
     */
    <R> Projection<R> select(dev.braid.query.ProjectionQuery<R> query);

    /**
     * The rows of a common table: for an entity's table (a recursive one: a whole tree in one statement),
     * the session's tracked objects, with the relationship a recursive table followed loaded from the
     * same rows; for a projection's table, its rows.
     *
     * @param table the common table
     * @param <T>   the row type
     * @return the projection
     */
    default <T> Projection<T> select(dev.braid.query.CommonTable<T> table) {
        dev.braid.core.internal.util.Require.nonNull(table, "table");
        if (table.projection() != null) return select(table.projection()).from(table);
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) table.entityQuery().entityType();
        return select(dev.braid.query.Projections.of(dev.braid.query.Projections.entity(type))).from(table);
    }

    /**
     * Makes a new object pending: it is inserted at the next flush (or when the transaction completes).
     * Related objects reached through SAVE_UPDATE cascades (the default) are added too.
     *
     * @param entity the object
     * @param <T>    the entity type
     * @return the same object; errors with {@code BRAID_ARGUMENT} for null, {@code BRAID_ENTITY_STATE} for a
     *         record (read-only) or when another object with its key is already in the session
     */
    <T> Mono<T> add(T entity);

    /**
     * Adds every object, in order, as {@link #add} does.
     *
     * @param entities the objects
     * @return completes when all are added; errors as {@link #add}
     */
    Mono<Void> addAll(Iterable<?> entities);

    /**
     * Marks a loaded object for deletion at the next flush; a pending one is simply dropped. Objects
     * reached through DELETE cascades are deleted too.
     *
     * @param entity the object
     * @return completes when marked; errors with {@code BRAID_ARGUMENT} for null, {@code BRAID_ENTITY_STATE}
     *         when the object is not in this session or is a record
     */
    Mono<Void> delete(Object entity);

    /**
     * Writes every pending change: INSERTs (generated ids are copied into the objects), UPDATEs of
     * changed columns only, DELETEs. Queries flush first on their own (autoflush), and the scope
     * flushes at its end, so calling this is only needed to see generated ids early.
     *
     * @return completes when every change is written; errors with {@code BRAID_STALE_DATA} when an UPDATE or
     *         DELETE matched no row, or with the database's error (the transaction is then inactive)
     */
    Mono<Void> flush();

    /**
     * Loads a relationship path of an object explicitly, e.g. {@code session.load(author, Author_.books)}:
     * one query per relationship per chunk of keys. Relationships already loaded are left as they are.
     *
     * @param entity an object in this session
     * @param path   the relationships from the object's class, each starting at the previous one's target
     * @return completes when loaded; errors with {@code BRAID_ENTITY_STATE} when the object is not in this
     *         session, {@code BRAID_QUERY} when the path breaks
     */
    Mono<Void> load(Object entity, Relation<?, ?>... path);

    /**
     * Loads a relationship path for many objects at once: one query per chunk, never one per object.
     *
     * @param entities objects in this session, of the path's first owner class
     * @param path     the relationships, each starting at the previous one's target
     * @return completes when loaded; errors as {@link #load(Object, Relation[])}
     */
    Mono<Void> load(java.util.Collection<?> entities, Relation<?, ?>... path);

    /**
     * Reads an object's row again and overwrites its attributes (discarding its unflushed changes);
     * its relationships become unloaded, then the mapping's default loads run. Fails with
     * {@code BRAID_STALE_DATA} when the row no longer exists.
     *
     * @param entity a persistent object of this session
     * @param <T>    the entity type
     * @return the same object, refreshed; errors with {@code BRAID_ENTITY_STATE} when it is not a persistent
     *         object of this session, {@code BRAID_STALE_DATA} when its row is gone
     */
    <T> Mono<T> refresh(T entity);

    /**
     * In a transaction: flushes, commits, and begins the next transaction, so the session goes on
     * (SQLAlchemy's {@code session.commit()}). Without one: flushes.
     *
     * @return completes when committed; errors as {@link #flush()}, or with the COMMIT's error
     *         ({@code BRAID_COMMIT_OUTCOME_UNKNOWN} when the connection broke during it)
     */
    Mono<Void> commit();

    /**
     * Rolls the transaction back and begins the next one: pending objects leave the session, deleted
     * ones are restored, persistent ones get back their last committed values (relationships become
     * unloaded), and an inactive session becomes usable again. Without a transaction: discards
     * unflushed changes the same way.
     *
     * @return completes when rolled back and the next transaction begun
     */
    Mono<Void> rollback();

    /**
     * Detaches an object (and, through EXPUNGE cascades, the loaded objects it refers to): its pending
     * changes are forgotten and the session no longer tracks it.
     *
     * @param entity an object in this session
     * @return completes when detached; errors with {@code BRAID_ENTITY_STATE} when it is not in this session
     */
    Mono<Void> expunge(Object entity);

    /**
     * Copies a detached object's columns onto this session's object with the same key (loaded if
     * needed) and returns that object; with no such row, adds a copy as new. Relationships with the
     * MERGE cascade (a default) that are loaded on the detached object are merged the same way, and the
     * session object's relationship is set to the merged copies (its collection loaded first if needed).
     *
     * @param entity a detached object (from another session, a read-only query, or built by hand)
     * @param <T>    the entity type
     * @return this session's object for that key, now holding the detached object's values
     */
    <T> Mono<T> merge(T entity);

    /**
     * Runs {@code work} inside a savepoint of the current transaction (pending changes are flushed
     * first): if it fails, only its changes roll back in the database, the session's objects revert as
     * after {@link #rollback()}, and the error propagates; the outer transaction goes on.
     *
     * @param work what to do inside the savepoint, with this session
     * @param <T>  the type of values the work emits
     * @return the work's values; errors with {@code BRAID_ENTITY_STATE} outside a transaction, or with the
     *         work's own error after rolling back to the savepoint
     */
    <T> Flux<T> nested(java.util.function.Function<Session, ? extends org.reactivestreams.Publisher<T>> work);

    /**
     * Whether this session tracks the object (pending, persistent or deleted, not yet flushed away).
     *
     * @param entity any object
     * @return true when the object is in this session's identity map or pending set
     */
    boolean contains(Object entity);

    /**
     * The SQL dialect this session renders for.
     *
     * @return the mapper's dialect
     */
    Dialect dialect();
}
