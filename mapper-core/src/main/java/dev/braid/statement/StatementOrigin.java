package dev.braid.statement;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.jspecify.annotations.Nullable;

/**
 * Who issued a statement: what kind of work (a root query, a relationship load, one step of a flush, DDL,
 * ...), for which mapped type and, for a relationship load, which relationship ({@code "Author.books"}).
 * Planners attach it to the rendered statements they produce, once per plan (or once per relationship for
 * cached selectin statements), so reading it costs a field access; execution listeners report it.
 *
 * @param kind         the kind of work that sent the statement
 * @param entity       the mapped type the statement reads or writes (for a relationship load: the owner's
 *                     type); null when no single type applies (DDL, session settings, unknown)
 * @param relationship the qualified relationship name ({@code "Author.books"}) of a relationship load; else null
 */
public record StatementOrigin(Kind kind, @Nullable Class<?> entity, @Nullable String relationship) {

    /** The kinds of work that send statements. */
    public enum Kind {
        /** A root query: {@code select(..).all()}, {@code get}, {@code byKey}, a window of {@code stream()}. */
        QUERY,
        /** A projection: {@code session.select(Author_.name, count())...}, with its subqueries and common tables. */
        PROJECTION,
        /** {@code count()} of a query. */
        COUNT,
        /** {@code exists()} of a query. */
        EXISTS,
        /** Loading a relationship of already loaded objects (selectin, lazy load). */
        RELATIONSHIP_LOAD,
        /** Opening, fetching from or closing a server-side cursor of {@code stream()}. */
        CURSOR,
        /** A bulk {@code delete()} of a query. */
        BULK_DELETE,
        /** A bulk {@code update(...)} of a query. */
        BULK_UPDATE,
        /** Raw SQL run with {@code session.sql(...)}; the entity is the type its rows are mapped to, if mapped. */
        RAW_SQL,
        /** {@code session.upsert(..)}/{@code upsertAll(..)}: the upsert, and the read of rows it left alone. */
        UPSERT,
        /** {@code session.link(..)}/{@code unlink(..)}: one link row of a many-to-many, written on its own. */
        LINK,
        /** Flush step: INSERT of new objects. */
        INSERT,
        /** Flush step: UPDATE of changed objects (or foreign keys of detached children). */
        UPDATE,
        /** Flush step: DELETE of deleted objects (or orphans). */
        DELETE,
        /** Flush step: INSERT of many-to-many link rows. */
        LINK_INSERT,
        /** Flush step: DELETE of many-to-many link rows. */
        LINK_DELETE,
        /** Flush step: allocating generated keys ahead of a batched INSERT. */
        ALLOCATE_IDS,
        /** DDL from the mapping ({@code schema().createAll()}, ...). */
        SCHEMA,
        /** Session settings such as the transaction isolation level. */
        SESSION,
        /** Not described by the code that sent it. */
        UNKNOWN;

        /**
         * Whether this kind is one step of a flush.
         *
         * @return true for {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code LINK_INSERT},
         *         {@code LINK_DELETE} and {@code ALLOCATE_IDS}
         */
        public boolean isFlushStep() {
            return compareTo(INSERT) >= 0 && compareTo(ALLOCATE_IDS) <= 0;
        }
    }

    private static final StatementOrigin[] PLAIN = plain();

    /** A statement nobody described. */
    public static final StatementOrigin UNKNOWN = of(Kind.UNKNOWN);

    /**
     * Checks the kind is given.
     *
     * @param kind         the kind of work
     * @param entity       the mapped type, or null
     * @param relationship the qualified relationship name, or null
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code kind} is null
     */
    public StatementOrigin {
        if (kind == null) throw new MapperException(ErrorCode.BRAID_ARGUMENT, "StatementOrigin.kind must not be null. Fix: pass a kind");
    }

    /**
     * The shared origin of a kind of work without a type or relationship (no allocation).
     *
     * @param kind the kind of work
     * @return the shared origin
     */
    public static StatementOrigin of(Kind kind) {
        return PLAIN[kind.ordinal()];
    }

    /**
     * A kind of work on a mapped type.
     *
     * @param kind   the kind of work
     * @param entity the mapped type, or null when no single type applies
     * @return the origin ({@link #of(Kind)}'s shared one when {@code entity} is null)
     */
    public static StatementOrigin of(Kind kind, @Nullable Class<?> entity) {
        return entity == null ? of(kind) : new StatementOrigin(kind, entity, null);
    }

    /**
     * Loading a relationship of already loaded objects.
     *
     * @param owner         the type of the objects whose relationship is loaded
     * @param qualifiedName the relationship as {@code Owner.name} ({@code "Author.books"})
     * @return a {@link Kind#RELATIONSHIP_LOAD} origin
     */
    public static StatementOrigin relationship(Class<?> owner, String qualifiedName) {
        return new StatementOrigin(Kind.RELATIONSHIP_LOAD, owner, qualifiedName);
    }

    /**
     * One step of a flush, by the name of its kind.
     *
     * @param stepKind the kind's name ({@code "INSERT"}, {@code "LINK_DELETE"}, ...)
     * @param entity   the mapped type the step writes, or null
     * @return the origin
     * @throws MapperException {@code BRAID_ARGUMENT} when the kind is not a {@link Kind#isFlushStep() flush step}
     * @throws IllegalArgumentException when {@code stepKind} names no kind at all
     */
    public static StatementOrigin flushStep(String stepKind, @Nullable Class<?> entity) {
        Kind kind = Kind.valueOf(stepKind);
        if (!kind.isFlushStep()) throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Not a flush step kind: " + stepKind);
        return of(kind, entity);
    }

    private static StatementOrigin[] plain() {
        Kind[] kinds = Kind.values();
        StatementOrigin[] out = new StatementOrigin[kinds.length];
        for (Kind k : kinds) out[k.ordinal()] = new StatementOrigin(k, null, null);
        return out;
    }

    /** The kind, then the relationship or the type's simple name when there is one ({@code "INSERT Author"}). */
    @Override
    public String toString() {
        if (relationship != null) return kind + " " + relationship;
        return entity == null ? kind.name() : kind + " " + entity.getSimpleName();
    }
}
