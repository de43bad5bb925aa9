package dev.braid.dialect;

import java.util.List;

/**
 * How many rows of one table are written by one statement, and how such statements are written.
 * Each column of the rows is given as one {@link ArrayBind}; a database without array binds writes
 * them as one marker per value.
 */
public interface BatchWrites {

    /** How INSERTs of many rows go. */
    enum Inserts {
        /** One statement over array binds; generated keys are allocated ahead ({@link KeyAllocation}). */
        ARRAYS,
        /** One multi-row {@code VALUES} statement returning the generated keys in increasing order of the rows. */
        VALUES_RETURNING_ORDERED_KEYS,
        /** One INSERT per row. */
        ONE_ROW_EACH
    }

    /** How UPDATEs of many rows by a single-column key go. */
    enum Updates {
        /** One statement joining array binds. */
        ARRAYS,
        /** One {@code MERGE} over a {@code VALUES} list (used for post-updates closing foreign-key cycles). */
        MERGE_VALUES,
        /** One UPDATE per row. */
        ONE_ROW_EACH
    }

    /** How DELETEs of many rows by key go. */
    enum Deletes {
        /** One statement matching array binds (any key). */
        ARRAYS,
        /** One statement with an IN list of markers (single-column keys). */
        IN_LIST,
        /** One DELETE per row. */
        ONE_ROW_EACH
    }

    /**
     * How INSERTs of many rows go.
     *
     * @return the insert strategy
     */
    Inserts inserts();

    /**
     * How UPDATEs of many rows go.
     *
     * @return the update strategy
     */
    Updates updates();

    /**
     * How DELETEs of many rows go.
     *
     * @return the delete strategy
     */
    Deletes deletes();

    /**
     * Writes the rows of a many-row INSERT, what follows {@code INSERT INTO t (a, b) }: row {@code i}
     * holds element {@code i} of each column's array.
     *
     * @param columns one array per inserted column, in column order, all of the same length
     * @param out     where the rows are written
     */
    void insertRows(List<ArrayBind> columns, SqlWriter out);

    /**
     * Writes a whole statement updating the rows of {@code table} whose {@code keyColumn} is in the
     * first array, setting {@code setColumns} to the following arrays' values of the same row.
     *
     * @param table      the table to update
     * @param keyColumn  the single key column rows are matched on
     * @param setColumns the columns to set, in the order of the arrays after the key's
     * @param columns    the key array first, then one array per set column
     * @param out        where the statement is written
     */
    void updateRows(String table, String keyColumn, List<String> setColumns, List<ArrayBind> columns, SqlWriter out);

    /**
     * Writes the condition of a many-row DELETE, what follows {@code DELETE FROM t WHERE }: the rows
     * whose {@code keyColumns} equal one row of the {@code keys} arrays.
     *
     * @param keyColumns the key columns
     * @param keys       one array per key column, all of the same length
     * @param out        where the condition is written
     */
    void deleteRowsMatching(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out);

    /**
     * One statement per row: no many-row writes.
     *
     * @return the shared row-by-row instance
     */
    static BatchWrites none() {
        return RowByRowWrites.INSTANCE;
    }
}
