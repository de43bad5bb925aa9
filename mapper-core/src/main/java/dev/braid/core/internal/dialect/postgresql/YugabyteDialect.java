package dev.braid.core.internal.dialect.postgresql;

import java.util.Optional;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.KeyAllocation;

/**
 * YugabyteDB's YSQL: a fork of PostgreSQL 11.2 (2.20 and earlier) or 15 (2.25 and later), so {@code DO}
 * blocks, {@code pg_get_serial_sequence} and cursors (inside a transaction, as Braid declares them) work as
 * on PostgreSQL. Differences: key allocation without {@code AS MATERIALIZED} (PostgreSQL 12 syntax), and
 * serialization failures (40001, which YugabyteDB also raises for conflicts at its default isolation) retried
 * by default. r2dbc-postgresql names it "PostgreSQL"; {@link Dialect#forServer(String, String)} recognizes its
 * version string ("11.2-YB-2.20.1.0-b0", "PostgreSQL 15.2-YB-2024.2.0.0-b0 on ...").
 */
public final class YugabyteDialect extends PostgresDialect {
    private final KeyAllocation keys = new PostgresSequenceKeys(IDENTIFIERS, false);

    /** For {@link java.util.ServiceLoader}; use {@link Dialect#yugabytedb()}. */
    public YugabyteDialect() {}

    @Override
    public String name() { return "YugabyteDB"; }

    // Never chosen by the product name "PostgreSQL", which r2dbc-postgresql reports for every server.
    @Override
    public boolean serves(String productName) { return name().equalsIgnoreCase(productName); }

    @Override
    public boolean servesServer(String productName, String serverVersion) {
        return serverVersion.contains("-YB-");
    }

    @Override
    public KeyAllocation keyAllocation() { return keys; }

    @Override
    public int defaultTransactionRetries() { return 5; }

    // YugabyteDB has no PostgreSQL WAL (pg_current_wal_insert_lsn, pg_last_wal_replay_lsn); its read replicas are not streaming standbys: replicas(...) is refused with this dialect.
    @Override
    public Optional<dev.braid.dialect.Replication> replication() { return Optional.empty(); }
}
