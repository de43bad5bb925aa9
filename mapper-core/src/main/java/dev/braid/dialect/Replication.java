package dev.braid.dialect;

/**
 * How a database tells where its write-ahead log stands, for routing reads to streaming replicas without reading
 * older data than one's own last write (read-your-writes): the position the primary's log had reached after a
 * commit, and how far a replica has replayed it. Positions are unsigned 64-bit numbers that only grow on one
 * primary's timeline; Braid compares them with {@link Long#compareUnsigned}.
 *
 * <p>Only the PostgreSQL dialect has one ({@code pg_current_wal_insert_lsn()} / {@code pg_last_wal_replay_lsn()});
 * a mapper with replicas needs a dialect whose {@link Dialect#replication()} is present.
 */
public interface Replication {

    /**
     * Run on the primary right after a COMMIT, on the connection that committed: one row whose first column is the
     * log position at or past the end of that commit's record, as text.
     *
     * @return the statement, without binds
     */
    String commitPositionSql();

    /**
     * Run on a replica: one row, the position replayed so far as text in its first column (NULL when the server is
     * not replaying a log, i.e. is not a replica), and how far replay lags behind the primary in milliseconds in the
     * second (0 when it has replayed all it received).
     *
     * @return the statement, without binds
     */
    String replicaStateSql();

    /**
     * A position as the statements above return it, as a number.
     *
     * @param text the position's text, e.g. {@code 16/B374D848}
     * @return the position
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when the text is not a position
     */
    long parsePosition(String text);
}
