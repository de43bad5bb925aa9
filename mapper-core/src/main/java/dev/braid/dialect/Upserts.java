package dev.braid.dialect;

/**
 * How a database inserts rows unless they collide with an existing row on a unique key, and what it does
 * then: nothing, or update the existing row ({@code INSERT ... ON CONFLICT} on PostgreSQL, {@code MERGE} on
 * H2, {@code INSERT ... ON DUPLICATE KEY UPDATE} or {@code INSERT IGNORE} on MariaDB). Upserts of entities
 * and idempotent many-to-many links are written through it.
 */
public interface Upserts {

    /**
     * Writes the whole statement (atomic against a concurrent insert of the same key: that row is waited for,
     * then left alone or updated, never a unique violation), including what returns {@link UpsertRows#returning()} (a
     * {@code RETURNING} clause or a delta table). The rows returned are those inserted or updated; rows that
     * already existed and were left alone are not returned.
     *
     * @param rows what to write
     * @param out  where the statement is written
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when this database cannot write this upsert
     *         (no upserts at all, or a constraint named without its columns where the database needs them)
     */
    void upsert(UpsertRows rows, SqlWriter out);

    /**
     * How many rows one statement carries at most; longer lists go as several statements.
     *
     * @return rows per statement
     */
    int rowsPerStatement();

    /**
     * For a database without upserts: every upsert is refused with {@code BRAID_QUERY} naming the database.
     *
     * @param dialectName the database's name, for the message
     * @return an upsert capability that refuses every statement
     */
    static Upserts unsupported(String dialectName) {
        return new NoUpserts(dialectName);
    }
}
