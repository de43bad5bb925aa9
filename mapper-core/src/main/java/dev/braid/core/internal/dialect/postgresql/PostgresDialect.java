package dev.braid.core.internal.dialect.postgresql;

import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.Cursors;
import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.Sequences;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.Identifiers;
import dev.braid.dialect.InLists;
import dev.braid.dialect.KeyAllocation;
import dev.braid.dialect.Returning;

import dev.braid.dialect.ColumnType;

import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL 12 and later: RETURNING clauses, identity keys allocated ahead from their sequence, many-row
 * writes and IN lists over array binds, server-side cursors for streams. Registered in
 * {@code META-INF/services}; use {@link Dialect#postgresql()}. Not final: {@link CockroachDialect} and
 * {@link YugabyteDialect} are this dialect with fallbacks where those servers lack a PostgreSQL feature.
 */
public class PostgresDialect implements Dialect {

    // PostgreSQL's reserved key words (and those that cannot be column or table names).
    static final Identifiers IDENTIFIERS = new Identifiers(Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with"));

    private final KeyAllocation keys = new PostgresSequenceKeys(IDENTIFIERS, true);
    private final Sequences sequences = new PostgresSequences(IDENTIFIERS);
    private static final Optional<dev.braid.dialect.Replication> REPLICATION = Optional.of(new PostgresReplication());
    private final Optional<Cursors> cursors = Optional.of(new PostgresCursors(IDENTIFIERS));

    private final dev.braid.dialect.TypeSupport types = new PostgresTypes(this);

    /** For {@link java.util.ServiceLoader}; use {@link Dialect#postgresql()}. */
    public PostgresDialect() {}

    @Override
    public String name() { return "PostgreSQL"; }

    @Override
    public boolean serves(String productName) { return productName.toLowerCase(java.util.Locale.ROOT).contains("postgres"); }

    // r2dbc-postgresql's getDatabaseVersion() is the server_version parameter ("15.4"), which CockroachDB and
    // YugabyteDB also fill with a PostgreSQL version; version() names them.
    @Override
    public Optional<String> serverVersionQuery() { return Optional.of("SELECT version()"); }

    @Override
    public String bindMarker(int index) { return "$" + index; }

    @Override
    public String identifier(String name) { return IDENTIFIERS.render(name); }

    @Override
    public String typeName(ColumnType type, int length, int precision, int scale) {
        return switch (type) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            case VARCHAR -> length > 0 ? "varchar(" + length + ")" : "text";
            case DECIMAL -> precision > 0 ? "numeric(" + precision + ", " + scale + ")" : "numeric";
            case DOUBLE -> "double precision";
            case UUID -> "uuid";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case BINARY -> "bytea";
        };
    }

    @Override
    public Returning returning() { return Returning.clause(); }

    // Identity keys are drawn from the identity's sequence ahead of a many-row INSERT.
    @Override
    public KeyAllocation keyAllocation() { return keys; }

    @Override
    public Sequences sequences() { return sequences; }

    // Inserts, updates and deletes of many rows over array binds (unnest).
    @Override
    public BatchWrites batchWrites() { return PostgresBatchWrites.INSTANCE; }

    // Every list is one array bind: x = ANY($1).
    // INSERT ... ON CONFLICT over array binds.
    @Override
    public dev.braid.dialect.Upserts upserts() { return PostgresUpserts.INSTANCE; }

    @Override
    public InLists inLists() { return PostgresInLists.INSTANCE; }

    // The keys travel as one array parameter, so there is no parameter limit; each chunk costs a round
    // trip and a plan. Measured on W2 (10,000 authors' books): 500 keys 95 ms, 2,000 78 ms, 10,000 73 ms.
    @Override
    public int defaultInListChunkSize() { return 5_000; }

    @Override
    // 0: the driver reads a result in one go. A fetch size costs extra round trips on every query
    // (the portal is suspended per batch and closed with its own Sync): 1 ms of a 3.5 ms page request
    // measured (W4). Large results belong in stream(), which fetches from a cursor window by window.
    public int defaultFetchSize() { return 0; }

    @Override
    public Optional<Cursors> cursors() { return cursors; }

    @Override
    public Optional<dev.braid.dialect.Replication> replication() { return REPLICATION; }

    // jsonb, arrays and enum types: see PostgresTypes.
    @Override
    public dev.braid.dialect.TypeSupport types() { return types; }

    @Override
    public DdlGuards ddlGuards() { return PostgresDdlGuards.INSTANCE; }

    @Override
    public int maxIdentifierLength() { return 63; }

    // 40001 serialization_failure, 40P01 deadlock_detected, 57P01-57P03 a lost session: see PostgresErrors.
    @Override
    public ErrorClassifier errors() { return PostgresErrors.INSTANCE; }

    @Override
    public String toString() { return name(); }

    @Override
    public boolean nullsSortHigh() { return true; }
}
