package dev.braid.dialect;

import java.util.List;

/**
 * How an INSERT, UPDATE or DELETE returns columns of the rows it wrote: a {@code RETURNING} clause after the
 * statement (PostgreSQL), or a data change delta table around it ({@code SELECT id FROM FINAL TABLE
 * (INSERT ...)} or {@code (UPDATE ...)} on H2). The renderer writes {@link #open}, the statement, then {@link #close}.
 */
public interface Returning {

    /** The statement kinds that can return columns. */
    enum DataChange {
        /** Returns the inserted rows' columns (generated keys). */
        INSERT,
        /** Returns the deleted rows' columns (their keys). */
        DELETE,
        /** Returns the updated rows' columns, with their new values (a bulk update). */
        UPDATE
    }

    /**
     * Writes what comes before the statement; nothing when {@code columns} is empty.
     *
     * @param change  the kind of statement
     * @param columns the columns to return, possibly none
     * @param out     where the text is written
     * @throws dev.braid.error.MapperException {@code BRAID_MAPPING} when the database cannot return columns
     *         and some are asked for
     */
    void open(DataChange change, List<String> columns, SqlWriter out);

    /**
     * Writes what comes after the statement; nothing when {@code columns} is empty.
     *
     * @param change  the kind of statement
     * @param columns the columns to return, possibly none
     * @param out     where the text is written
     * @throws dev.braid.error.MapperException {@code BRAID_MAPPING} when the database cannot return columns
     *         and some are asked for
     */
    void close(DataChange change, List<String> columns, SqlWriter out);

    /**
     * Whether an UPDATE can return columns of the rows it wrote ({@code RETURNING}, H2's {@code FINAL TABLE}).
     * When it cannot (MariaDB), a bulk update that must refresh the session's objects is planned as three
     * statements in one transaction instead: lock and learn the matching keys ({@link #lockRows}), UPDATE those
     * keys, read the written columns of those keys back.
     *
     * @return true by default
     */
    default boolean fromUpdate() { return true; }

    /**
     * Writes what follows a SELECT so that it locks the rows it reads until the transaction ends, with its leading
     * space: by default the SQL standard's {@code  FOR UPDATE} (H2, PostgreSQL, MariaDB, MySQL).
     *
     * @param out where the clause is written
     */
    default void lockRows(SqlWriter out) { out.append(" FOR UPDATE"); }

    /**
     * {@code INSERT ... RETURNING a, b} and {@code DELETE ... RETURNING a, b} (PostgreSQL, MariaDB, SQLite).
     *
     * @return the shared RETURNING-clause instance
     */
    static Returning clause() {
        return ReturningClause.INSTANCE;
    }

    /**
     * For a database that cannot return columns from a write: a statement asking for some is refused
     * with {@code BRAID_MAPPING} naming the dialect, what was asked and the fix.
     *
     * @param dialectName the database's name, for the error message
     * @return a returning capability that refuses every request for columns
     */
    static Returning unsupported(String dialectName) {
        return new NoReturning(dialectName);
    }
}
