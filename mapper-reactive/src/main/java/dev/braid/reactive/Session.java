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
 */
public interface Session {

    /**
     * The object with this id: from the identity map without SQL when the session already holds it,
     * else by one SELECT with the mapping's default loads planned as for a query: a {@code JOINED}
     * default is a LEFT OUTER JOIN in that SELECT, {@code SELECTIN} defaults follow it. Empty when no
     * row has that id. Composite keys take a {@code List} of parts.
     */
    <T> Mono<T> get(Class<T> type, Object id);

    /** A query over {@code type}; refine it with where/orderBy/limit/offset, then run it. */
    <T> Select<T> select(Class<T> type);

    /**
     * A query over the members of a write-only collection (SQLAlchemy's {@code author.books.select()}):
     * {@code session.select(author.books).where(Book_.title.startsWith("A")).count()}. Pending additions
     * and removals are flushed first, so they are reflected.
     */
    <T> Select<T> select(dev.braid.relation.WriteOnlyCollection<T> collection);

    /** Makes a new object pending: it is inserted at the next flush (or when the transaction completes). */
    <T> Mono<T> add(T entity);

    /** Adds every object, in order. */
    Mono<Void> addAll(Iterable<?> entities);

    /** Marks a loaded object for deletion at the next flush; a pending one is simply dropped. */
    Mono<Void> delete(Object entity);

    /**
     * Writes every pending change: INSERTs (generated ids are copied into the objects), UPDATEs of
     * changed columns only, DELETEs. Queries flush first on their own (autoflush), and the scope
     * flushes at its end, so calling this is only needed to see generated ids early.
     */
    Mono<Void> flush();

    /**
     * Loads a relationship path of an object explicitly, e.g. {@code session.load(author, Author_.books)}:
     * one query per relationship per chunk of keys. Relationships already loaded are left as they are.
     */
    Mono<Void> load(Object entity, Relation<?, ?>... path);

    /** Loads a relationship path for many objects at once: one query per chunk, never one per object. */
    Mono<Void> load(java.util.Collection<?> entities, Relation<?, ?>... path);

    /**
     * Reads an object's row again and overwrites its attributes (discarding its unflushed changes);
     * its relationships become unloaded, then the mapping's default loads run. Fails with
     * {@code BRAID_STALE_DATA} when the row no longer exists.
     */
    <T> Mono<T> refresh(T entity);

    /**
     * In a transaction: flushes, commits, and begins the next transaction, so the session goes on
     * (SQLAlchemy's {@code session.commit()}). Without one: flushes.
     */
    Mono<Void> commit();

    /**
     * Rolls the transaction back and begins the next one: pending objects leave the session, deleted
     * ones are restored, persistent ones get back their last committed values (relationships become
     * unloaded), and an inactive session becomes usable again. Without a transaction: discards
     * unflushed changes the same way.
     */
    Mono<Void> rollback();

    /** Detaches an object (and, through EXPUNGE cascades, the loaded objects it refers to). */
    Mono<Void> expunge(Object entity);

    /**
     * Copies a detached object's columns onto this session's object with the same key (loaded if
     * needed) and returns that object; with no such row, adds a copy as new. Relationships with the
     * MERGE cascade (a default) that are loaded on the detached object are merged the same way, and the
     * session object's relationship is set to the merged copies (its collection loaded first if needed).
     */
    <T> Mono<T> merge(T entity);

    /**
     * Runs {@code work} inside a savepoint of the current transaction (pending changes are flushed
     * first): if it fails, only its changes roll back in the database, the session's objects revert as
     * after {@link #rollback()}, and the error propagates; the outer transaction goes on.
     */
    <T> Flux<T> nested(java.util.function.Function<Session, ? extends org.reactivestreams.Publisher<T>> work);

    /** Whether this session tracks the object. */
    boolean contains(Object entity);

    /** The SQL dialect this session renders for. */
    Dialect dialect();
}
