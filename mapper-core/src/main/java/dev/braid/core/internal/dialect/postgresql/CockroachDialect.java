package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.Cursors;
import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.KeyAllocation;
import dev.braid.dialect.TypeSupport;

import java.util.Locale;
import java.util.Optional;

/**
 * CockroachDB: the PostgreSQL dialect (same wire protocol, driver and SQL) with a fallback for each piece
 * CockroachDB lacks or treats differently. r2dbc-postgresql names it "PostgreSQL", so it is chosen by
 * {@link Dialect#forServer(String, String)} from {@code SELECT version()} ("CockroachDB CCL v23.1.11 ...") or
 * set explicitly with {@link Dialect#cockroachdb()}.
 * <ul>
 *   <li>DDL guards without {@code DO} blocks (no {@code DO} before v25.1, and no PL/pgSQL {@code NULL}
 *       statement): {@code ADD CONSTRAINT IF NOT EXISTS} and {@code CREATE TYPE IF NOT EXISTS}.</li>
 *   <li>Keys drawn from the identity sequence named explicitly ({@link NamedSequenceKeys}), not through
 *       {@code pg_get_serial_sequence}, whose result CockroachDB returns unquoted.</li>
 *   <li>Streams by keyset windows, not cursors: CockroachDB's SQL cursors are limited and hold a
 *       transaction (and its snapshot) open for the whole stream.</li>
 *   <li>NULL sorts below every value, as CockroachDB orders it; serialization failures (40001, routine
 *       under its default SERIALIZABLE isolation) are retried by default.</li>
 * </ul>
 */
public final class CockroachDialect extends PostgresDialect {
    private final KeyAllocation keys = new NamedSequenceKeys(IDENTIFIERS, maxIdentifierLength());
    private final TypeSupport types = new CockroachTypes(super.types());

    /** For {@link java.util.ServiceLoader}; use {@link Dialect#cockroachdb()}. */
    public CockroachDialect() {}

    @Override
    public String name() { return "CockroachDB"; }

    // Never chosen by the product name "PostgreSQL", which r2dbc-postgresql reports for every server.
    @Override
    public boolean serves(String productName) { return name().equalsIgnoreCase(productName); }

    // version(): "CockroachDB CCL v23.1.11 (x86_64-pc-linux-gnu, built 2023/09/27 ...)" (or "CockroachDB OSS ...").
    @Override
    public boolean servesServer(String productName, String serverVersion) {
        return serverVersion.strip().toLowerCase(Locale.ROOT).startsWith("cockroachdb");
    }

    @Override
    public KeyAllocation keyAllocation() { return keys; }

    @Override
    public Optional<Cursors> cursors() { return Optional.empty(); }

    @Override
    public TypeSupport types() { return types; }

    @Override
    public DdlGuards ddlGuards() { return CockroachDdlGuards.INSTANCE; }

    @Override
    public boolean nullsSortHigh() { return false; }

    @Override
    public int defaultTransactionRetries() { return 5; }

    // CockroachDB has no write-ahead log positions to wait for (its follower reads are bounded-staleness reads): replicas(...) is refused with this dialect.
    @Override
    public Optional<dev.braid.dialect.Replication> replication() { return Optional.empty(); }
}
