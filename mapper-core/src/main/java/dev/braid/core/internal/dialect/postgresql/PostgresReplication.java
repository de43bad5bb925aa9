package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Replication;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

/**
 * Log sequence numbers (LSNs). After a commit the primary reports {@code pg_current_wal_insert_lsn()}: read after
 * COMMIT returned, it is at or past the end of the commit record whatever {@code synchronous_commit} says (the
 * write position, {@code pg_current_wal_lsn()}, can still be behind the record with asynchronous commit, and a
 * position read inside the transaction is before it). A replica reports {@code pg_last_wal_replay_lsn()} (NULL
 * on a primary) and its lag: 0 when it has replayed everything it received, else the age of the last transaction
 * it replayed (the usual estimate; a replica cut off from its primary reports 0).
 */
final class PostgresReplication implements Replication {

    @Override
    public String commitPositionSql() {
        return "SELECT pg_current_wal_insert_lsn()::text";
    }

    @Override
    public String replicaStateSql() {
        return "SELECT pg_last_wal_replay_lsn()::text, CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()"
                + " THEN 0 ELSE COALESCE(CAST(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())"
                + " * 1000 AS bigint), 0) END";
    }

    @Override
    public long parsePosition(String text) {
        int slash = text.indexOf('/');
        try {
            if (slash > 0 && slash < text.length() - 1 && slash <= 8 && text.length() - slash - 1 <= 8) {
                long high = Long.parseLong(text, 0, slash, 16);
                long low = Long.parseLong(text, slash + 1, text.length(), 16);
                if (high >= 0 && low >= 0) return high << 32 | low;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MapperException(ErrorCode.BRAID_ARGUMENT, "'" + text + "' is not a PostgreSQL log position"
                + " (two hexadecimal numbers of up to 8 digits separated by '/', e.g. 16/B374D848)");
    }
}
