package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.jspecify.annotations.Nullable;

/**
 * What is starting, as an {@link ExecutionObserver} is told: one statement, or a unit of work that sends
 * statements (a flush, the load of one relationship path, one window of {@code stream()}, a session scope).
 * Statements started inside a unit of work run with the unit's {@linkplain ExecutionObserver.Handle#propagate
 * context}, so observers can nest them under it.
 *
 * @param kind         what starts
 * @param database     the dialect's database, lower case: {@code "postgresql"} or {@code "h2"}
 * @param entity       the mapped type: of a statement, its {@linkplain StatementOrigin#entity() origin's}; of a
 *                     relationship load, the type owning the relationship; of a stream window, the streamed type;
 *                     null when no single type applies (a flush, a session, DDL)
 * @param relationship of a statement loading a relationship, its origin's relationship ({@code "Author.books"});
 *                     of a {@link Kind#LOAD}, the path from the query's root ({@code "Author.books.reviews"});
 *                     else null
 * @param statement    the statement with its binds and origin when {@code kind} is {@link Kind#STATEMENT}, else
 *                     null (bound values may be personal data: record them only where that is allowed)
 */
public record Execution(Kind kind, String database, @Nullable Class<?> entity, @Nullable String relationship,
                        @Nullable RenderedSql statement) {

    /** What starts. */
    public enum Kind {
        /** One statement sent to the database. */
        STATEMENT,
        /** A flush: the INSERT, UPDATE and DELETE statements of the pending changes, in order. */
        FLUSH,
        /** Loading one relationship path for objects already read (selectin queries, or below a joined load). */
        LOAD,
        /** One window of {@code stream()}: its roots read, then their relationships loaded. */
        STREAM_WINDOW,
        /** {@code mapper.withSession(...)}: the session's whole scope, from the connection to its release. */
        WITH_SESSION,
        /** {@code mapper.inTransaction(...)}: the transaction's whole scope, BEGIN to COMMIT or ROLLBACK. */
        IN_TRANSACTION;

        /**
         * Whether this kind is a unit of work (every kind but {@link #STATEMENT}).
         *
         * @return true for flushes, loads, stream windows and session scopes
         */
        public boolean isUnitOfWork() {
            return this != STATEMENT;
        }
    }

    /**
     * Checks the parts.
     *
     * @param kind         what starts
     * @param database     the database's name
     * @param entity       the mapped type, or null
     * @param relationship the relationship or path, or null
     * @param statement    the statement (for {@link Kind#STATEMENT} only)
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code kind} or {@code database} is null, or when
     *                         {@code statement} is given for a unit of work or missing for a statement
     */
    public Execution {
        if (kind == null || database == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "Execution needs a kind and a database. Fix: pass both");
        }
        if ((kind == Kind.STATEMENT) != (statement != null)) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "An Execution of kind " + kind + (statement == null
                    ? " needs its statement" : " has no statement") + ". Fix: use Execution.statement(...) for statements"
                    + " and Execution.unit(...) for units of work");
        }
    }

    /**
     * One statement starting.
     *
     * @param statement the statement, its binds and origin
     * @param database  the database's name
     * @return a {@link Kind#STATEMENT} execution with the origin's entity and relationship
     */
    public static Execution statement(RenderedSql statement, String database) {
        StatementOrigin origin = statement.origin();
        return new Execution(Kind.STATEMENT, database, origin.entity(), origin.relationship(), statement);
    }

    /**
     * A unit of work starting.
     *
     * @param kind         the kind of unit (not {@link Kind#STATEMENT})
     * @param database     the database's name
     * @param entity       the mapped type, or null
     * @param relationship the relationship path of a load, or null
     * @return the execution
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code kind} is {@link Kind#STATEMENT}
     */
    public static Execution unit(Kind kind, String database, @Nullable Class<?> entity, @Nullable String relationship) {
        return new Execution(kind, database, entity, relationship, null);
    }

    /**
     * The statement's origin; for a unit of work {@link StatementOrigin#UNKNOWN}.
     *
     * @return who issued the statement
     */
    public StatementOrigin origin() {
        return statement == null ? StatementOrigin.UNKNOWN : statement.origin();
    }

    /**
     * The statement's text, or null for a unit of work.
     *
     * @return the SQL with the dialect's bind markers (never the bound values)
     */
    public @Nullable String sql() {
        return statement == null ? null : statement.sql();
    }

    /** The kind, the origin or entity and relationship, and the SQL (never the bound values). */
    @Override
    public String toString() {
        if (statement != null) return kind + " [" + statement.origin() + "] " + statement.sql();
        StringBuilder out = new StringBuilder(kind.name());
        if (relationship != null) out.append(' ').append(relationship);
        else if (entity != null) out.append(' ').append(entity.getSimpleName());
        return out.toString();
    }
}
