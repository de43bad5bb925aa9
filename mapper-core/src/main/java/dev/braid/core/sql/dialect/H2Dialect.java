package dev.braid.core.sql.dialect;

import dev.braid.core.meta.ColumnType;

import java.util.List;
import java.util.Set;

final class H2Dialect implements Dialect {
    static final H2Dialect INSTANCE = new H2Dialect();

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

    private H2Dialect() {}

    @Override
    public String name() { return "H2"; }

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

    @Override
    public GeneratedKeys generatedKeys() { return GeneratedKeys.FINAL_TABLE; }

    // H2 evaluates "= ANY(array)" by scanning the array for every row and cannot use an index for it,
    // so IN lists with one marker per value are the faster form there for filters.
    @Override
    public boolean bindsInListAsArray() { return false; }

    // Long lists are bound as one array all the same: past ~500 values "= ANY($1)" is as fast as markers and
    // then faster (H2InListBenchmark: 500 keys 11.8 vs 12.5 ms, 1,000 keys 26 vs 36 ms, 5,000 keys 385 vs
    // 676 ms), its text does not grow with the list, and it is not limited by H2's 100,000 parameters.
    @Override
    public int inListArrayThreshold() { return 500; }

    // H2 refuses longer arrays ("Value too long for column ARRAY": its maximum cardinality).
    @Override
    public int maxArrayLength() { return 65_536; }

    // For selectin queries a join on TABLE(k type = array) beats both: one marker, an index lookup per
    // key, and ~3x less time than IN lists (10,000 authors' books: 64 vs 190 ms, H2 2.4, results not reused).
    @Override
    public boolean joinsKeyTable() { return true; }

    @Override
    public int defaultInListChunkSize() { return 500; }

    // r2dbc-h2 runs queries in-process and ignores fetch sizes.
    @Override
    public int defaultFetchSize() { return 0; }

    @Override
    public boolean supportsCursors() { return false; }

    @Override
    public boolean supportsAddConstraintIfNotExists() { return true; }

    // Updates go row by row (in-process, no round trips, and no UPDATE ... FROM on H2).
    @Override
    public boolean supportsArrayBatches() { return false; }

    // Inserts are batched as multi-row VALUES: H2 inserts the rows one after another, so their identity
    // values increase in row order, and FINAL TABLE returns them. (H2's identity sequence cannot be
    // addressed to allocate keys first, as on PostgreSQL.)
    @Override
    public boolean batchesInsertsReturningOrderedKeys() { return true; }

    // Deletes by key: one IN list per 1,000 rows, each key an index lookup.
    @Override
    public boolean batchesDeletesAsInLists() { return true; }

    // The post-updates closing a foreign-key cycle: one MERGE over a VALUES list per table.
    @Override
    public boolean batchesUpdatesAsMerge() { return true; }

    @Override
    public int maxIdentifierLength() { return 256; }

    // r2dbc-h2 turns an isolation level into SET LOCK_MODE, which H2 2.x ignores; the session
    // characteristic is what H2 honours, and it outlives the transaction, hence the reset afterwards.
    @Override
    public List<String> isolationBeforeBegin(String level) {
        return List.of(SET_ISOLATION + IsolationLevels.requireStandard(level));
    }

    @Override
    public List<String> isolationAfterEnd(String level) {
        return IsolationLevels.DEFAULT.equals(IsolationLevels.requireStandard(level)) ? List.of()
                : List.of(SET_ISOLATION + IsolationLevels.DEFAULT);
    }

    private static final String SET_ISOLATION = "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ";

    // 40001 and 90131 are serialization failures, 90067 and 90098 a lost connection: see H2Errors.
    @Override
    public ErrorClassifier errors() { return H2Errors.INSTANCE; }

    @Override
    public String toString() { return name(); }
}
