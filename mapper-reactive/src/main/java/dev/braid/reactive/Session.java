package dev.braid.reactive;

import dev.braid.query.Relation;
import dev.braid.dialect.Dialect;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A unit of work on one connection: an identity map (one object per row), the objects added,
 * changed and deleted since the last flush, and the queries that read through it ({@link Queries}).
 *
 * <p>Obtain one from {@link Mapper#withSession} or {@link Mapper#inTransaction}; it is valid until
 * that scope ends. A session takes overlapping operations ({@code zip}, {@code merge}, {@code flatMap} over
 * one session): they wait in a queue and run one after another on its connection, in the order they were
 * issued. An operation holds the session until its last signal has reached its subscriber, so what the
 * subscriber issues in reaction runs after it (and explicit loads issued meanwhile are merged, see
 * {@link #load(Object, Relation[])}). A query that operations wait behind reads the rest of its rows into
 * memory so they can run, even when they were issued from inside its stream ({@code concatMap(row ->
 * session.get(...))}); a windowed stream ({@link Select#stream(int)}) does not, and refuses operations
 * issued while it runs with {@code BRAID_SESSION_BUSY}. Nothing here blocks.
 *
 * <p>Errors arrive through the returned publishers, not as thrown exceptions. Besides those each method
 * names, any of them can fail with {@code BRAID_SESSION_CLOSED} (used after its scope ended, or still
 * waiting when it ended), {@code BRAID_SESSION_BUSY} (issued while a windowed stream runs),
 * {@code BRAID_SESSION_INACTIVE} (a flush failed in this transaction: roll back), {@code BRAID_BUDGET} (its
 * {@linkplain #budget(int) statement budget} is spent), {@code BRAID_UNMAPPED} (an object of an unmapped class) and the database errors of the statements
 * it sends ({@code DatabaseException} and its subclasses, such as {@code ConstraintViolationException}).
 */
public interface Session extends Queries {

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
     * Marks every object for deletion at the next flush, as {@link #delete} does. All are checked first: a
     * null, unmapped or foreign object fails before any is marked.
     *
     * @param entities objects of this session
     * @return completes when all are marked; errors with {@code BRAID_ARGUMENT} for a null, {@code BRAID_ENTITY_STATE}
     *         for an object not in this session, otherwise as {@link #delete}
     */
    Mono<Void> deleteAll(Iterable<?> entities);

    /**
     * Deletes the rows of an entity with these ids, and what their relationships cascade to, without
     * reading them (SQLAlchemy's {@code delete(Author).where(Author.id.in_(ids))} plus the cascades).
     * Pending changes are flushed first; then, per chunk of ids (10,000 on PostgreSQL, 1,000 on H2), for
     * each one-to-many that cascades DELETE the children's own work and then the children
     * ({@code DELETE FROM books WHERE books.author_id = ANY($1)}, grandchildren through a subquery
     * over their parents), the link rows of many-to-many collections, children of a one-to-many without
     * DELETE cascade detached ({@code UPDATE ... SET fk = NULL}), and last the rows themselves; in the
     * session's transaction (or, without one, in a transaction of its own). Objects the session holds for
     * deleted rows leave it, held children detached lose their foreign key, and loaded collections drop
     * the objects that left. Ids with no row are skipped.
     *
     * @param type an entity with a single-column key and no version column
     * @param ids  the ids (the key attribute's type, none null)
     * @param <T>  the entity type
     * @return the number of {@code type} rows deleted; errors with {@code BRAID_ARGUMENT} (null or mistyped
     *         id), {@code BRAID_UNMAPPED}, or {@code BRAID_QUERY} before anything is sent when the mapping
     *         needs rows read first (a version column, a composite key, a cascade into a tree or to a
     *         many-to-many's members, a NOT NULL child key without DELETE cascade), naming the fix
     */
    <T> Mono<Long> deleteByKeys(Class<T> type, Iterable<?> ids);

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
     * Flushes as {@link #flush()} does and reports the rows written per table, as the database counted
     * them: {@code flushWithCounts().map(r -> r.inserted("books"))}.
     *
     * @return the counts; {@link FlushResult#empty()} when there was nothing to write; errors as {@link #flush()}
     */
    Mono<FlushResult> flushWithCounts();

    /**
     * Loads a relationship path of an object explicitly, e.g. {@code session.load(author, Author_.books)}:
     * one query per relationship per chunk of keys. Relationships already loaded are left as they are.
     *
     * <p>Loads are coalesced: loads of the same path issued before the first of them starts (while the session
     * is busy, for instance from a {@code flatMap} over a query's rows or over a collected list) run together as
     * one load of all their objects, so {@code Flux.fromIterable(authors).flatMap(a -> session.load(a,
     * Author_.books))} sends the statements of {@code session.load(authors, Author_.books)}. A caller that
     * cancels leaves the batch without cancelling the others.
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
     * The object a to-one relationship refers to, loaded if it is not yet: {@code session.fetch(book, Book_.author)}.
     * Coalesced as {@link #load(Object, Relation[])} is: fetches of one relationship issued together cost one
     * selectin query per chunk of keys.
     *
     * @param owner    an object in this session
     * @param relation a many-to-one or one-to-one of the owner's class
     * @param <E>      the owner type
     * @param <T>      the target type
     * @return the related object, empty when there is none; {@code BRAID_ARGUMENT} for a collection (use
     *         {@link #fetchAll}), errors as {@link #load(Object, Relation[])} otherwise
     */
    <E, T> Mono<T> fetch(E owner, Relation<E, T> relation);

    /**
     * The objects a to-many relationship holds, loaded if it is not yet: {@code session.fetchAll(author, Author_.books)}.
     * Coalesced as {@link #load(Object, Relation[])} is.
     *
     * @param owner    an object in this session
     * @param relation a one-to-many or many-to-many of the owner's class
     * @param <E>      the owner type
     * @param <T>      the target type
     * @return a snapshot of the collection, in its order; {@code BRAID_ARGUMENT} for a to-one relationship (use
     *         {@link #fetch}), errors as {@link #load(Object, Relation[])} otherwise
     */
    <E, T> Mono<java.util.List<T>> fetchAll(E owner, Relation<E, T> relation);

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
     * Caps the statements this session sends from now on until its scope ends (an N+1 guard): the operation
     * that would send statement {@code statements + 1} fails with {@code BRAID_BUDGET} before that statement is
     * sent (so nothing more is written), naming the budget, the statements so far grouped by origin ("1 query of
     * Author, 40 relationship loads of Author.books"), the statement refused and the fix (for repeated
     * {@code load} calls of one relationship, {@code Loads.selectin(Author_.books)}). Every later statement is
     * refused too; in {@code inTransaction} the failure rolls back.
     *
     * <p>What counts: every statement the session sends (queries, counts, relationship loads, cursor statements of
     * {@code stream()}, each flush step and key allocation, raw SQL, upserts, links, bulk writes), one per
     * statement whatever its rows. What does not: BEGIN, COMMIT, ROLLBACK and savepoints, and the session's own
     * settings (the isolation level). Calling it again starts a new count with the new cap; it takes effect at
     * once, for the next statement. Without a budget nothing is counted. The scoped form, for code that does not
     * hold the session, is {@link StatementBudget#perSession(int)}; a default for every session is
     * {@link MapperBuilder#statementBudget(int)}.
     *
     * @param statements the statements the session may send from now on, at least 0
     * @return this session
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code statements} is negative
     */
    Session budget(int statements);

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
