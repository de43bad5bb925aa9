package dev.braid.core.internal.dialect.h2;

import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.Cursors;
import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.Identifiers;
import dev.braid.dialect.InLists;
import dev.braid.dialect.Returning;
import dev.braid.dialect.TransactionStatements;

import dev.braid.dialect.ColumnType;

import java.util.Optional;
import java.util.Set;

/**
 * H2 2.x: delta tables return written rows, inserts go as multi-row VALUES, selectin queries join a
 * table of the keys, no server-side cursors. Registered in {@code META-INF/services}; use
 * {@link Dialect#h2()}.
 */
public final class H2Dialect implements Dialect {

    // H2 2.x keywords (https://h2database.com/html/advanced.html#keywords), lower-cased.
    private static final Identifiers IDENTIFIERS = new Identifiers(Set.of(
            "_rowid_", "all", "and", "any", "array", "as", "asymmetric", "authorization", "between", "both",
            "case", "cast", "check", "constraint", "cross", "current_catalog", "current_date", "current_path",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "day",
            "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for", "foreign",
            "from", "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect",
            "interval", "is", "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp",
            "minus", "minute", "month", "natural", "not", "null", "offset", "on", "or", "order", "over",
            "partition", "primary", "qualify", "range", "regexp", "right", "row", "rownum", "rows", "second",
            "select", "session_user", "set", "some", "symmetric", "system_user", "table", "to", "top",
            "trailing", "true", "uescape", "union", "unique", "unknown", "user", "using", "value", "values",
            "when", "where", "window", "with", "year"));

    private final dev.braid.dialect.TypeSupport types = new H2Types(this);

    /** For {@link java.util.ServiceLoader}; use {@link Dialect#h2()}. */
    public H2Dialect() {}

    @Override
    public String name() { return "H2"; }

    @Override
    public boolean serves(String productName) { return productName.toLowerCase(java.util.Locale.ROOT).contains("h2"); }

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
            case VARCHAR -> length > 0 ? "varchar(" + length + ")" : "varchar";
            // H2's bare NUMERIC has scale 0 and would silently drop fractions; DECFLOAT keeps every digit,
            // like PostgreSQL's unconstrained numeric.
            case DECIMAL -> precision > 0 ? "numeric(" + precision + ", " + scale + ")" : "decfloat";
            case DOUBLE -> "double precision";
            case UUID -> "uuid";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case BINARY -> "varbinary";
        };
    }

    // Generated keys come back from FINAL TABLE, deleted rows' keys from OLD TABLE.
    @Override
    public Returning returning() { return H2DeltaTables.INSTANCE; }

    // Inserts as multi-row VALUES returning ordered keys, deletes as IN lists, post-updates as MERGE.
    @Override
    public BatchWrites batchWrites() { return H2BatchWrites.INSTANCE; }

    // Markers for short filter lists, arrays for long ones, a key table for selectin queries.
    // MERGE INTO ... USING (VALUES ...) inside FINAL TABLE.
    @Override
    public dev.braid.dialect.Upserts upserts() { return H2Upserts.INSTANCE; }

    @Override
    public InLists inLists() { return H2InLists.INSTANCE; }

    @Override
    public int defaultInListChunkSize() { return 500; }

    // r2dbc-h2 runs queries in-process and ignores fetch sizes.
    @Override
    public int defaultFetchSize() { return 0; }

    // No server-side cursors: streams read keyset windows.
    @Override
    public Optional<Cursors> cursors() { return Optional.empty(); }

    // jsonb, arrays and enum types: see H2Types.
    @Override
    public dev.braid.dialect.TypeSupport types() { return types; }

    @Override
    public DdlGuards ddlGuards() { return H2DdlGuards.INSTANCE; }

    @Override
    public int maxIdentifierLength() { return 256; }

    @Override
    public TransactionStatements transactions() { return H2Isolation.INSTANCE; }

    // 40001 and 90131 are serialization failures, 90067 and 90098 a lost connection: see H2Errors.
    @Override
    public ErrorClassifier errors() { return H2Errors.INSTANCE; }

    @Override
    public String toString() { return name(); }
}
