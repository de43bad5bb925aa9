package dev.braid.dialect;

import java.util.List;

/**
 * How an INSERT or DELETE returns columns of the rows it wrote: a {@code RETURNING} clause after the
 * statement (PostgreSQL), or a data change delta table around it ({@code SELECT id FROM FINAL TABLE
 * (INSERT ...)} on H2). The renderer writes {@link #open}, the statement, then {@link #close}.
 */
public interface Returning {

    /** The statement kinds that can return columns. */
    enum DataChange {
        /** Returns the inserted rows' columns (generated keys). */
        INSERT,
        /** Returns the deleted rows' columns (their keys). */
        DELETE
    }

    /** Writes what comes before the statement; nothing when {@code columns} is empty. */
    void open(DataChange change, List<String> columns, SqlWriter out);

    /** Writes what comes after the statement; nothing when {@code columns} is empty. */
    void close(DataChange change, List<String> columns, SqlWriter out);

    /** {@code INSERT ... RETURNING a, b} and {@code DELETE ... RETURNING a, b} (PostgreSQL, MariaDB, SQLite). */
    static Returning clause() {
        return ReturningClause.INSTANCE;
    }

    /**
     * For a database that cannot return columns from a write: a statement asking for some is refused
     * with {@code BRAID_MAPPING} naming the dialect, what was asked and the fix.
     */
    static Returning unsupported(String dialectName) {
        return new NoReturning(dialectName);
    }
}
