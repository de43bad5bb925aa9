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
