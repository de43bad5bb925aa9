package dev.braid.core.internal.dialect.mariadb;

import dev.braid.dialect.BatchWrites;
import dev.braid.dialect.ColumnType;
import dev.braid.dialect.DdlGuards;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.ErrorClassifier;
import dev.braid.dialect.Identifiers;
import dev.braid.dialect.InLists;
import dev.braid.dialect.QueryExpressions;
import dev.braid.dialect.Returning;
import dev.braid.dialect.TransactionStatements;
import dev.braid.dialect.TypeSupport;
import dev.braid.dialect.Upserts;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MariaDB 10.11 and later: backtick-quoted identifiers, {@code ?} markers, AUTO_INCREMENT keys returned by
 * {@code INSERT ... RETURNING} (10.5+), multi-row VALUES inserts, IN lists of markers (no array binds), keyset
 * windows for streams (no cursors outside stored procedures), {@code ON DUPLICATE KEY UPDATE} upserts and the
 * standard {@code NEXT VALUE FOR} sequences (10.3+). Registered in {@code META-INF/services}; use
 * {@link Dialect#mariadb()}.
 */
public final class MariaDbDialect implements Dialect {

    // MariaDB's reserved words (https://mariadb.com/kb/en/reserved-words/), plus MySQL 8's (groups, rank, row, ...)
    // so that the same DDL also reads on MySQL. Quoting a name that needs none is harmless.
    private static final Identifiers IDENTIFIERS = new Identifiers(Set.of(
            "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before", "between",
            "bigint", "binary", "blob", "both", "by", "call", "cascade", "case", "change", "char", "character",
            "check", "collate", "column", "condition", "constraint", "continue", "convert", "create", "cross",
            "cube", "cume_dist", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
            "cursor", "database", "databases", "day_hour", "day_microsecond", "day_minute", "day_second", "dec",
            "decimal", "declare", "default", "delayed", "delete", "delete_domain_id", "dense_rank", "desc",
            "describe", "deterministic", "distinct", "distinctrow", "div", "do_domain_ids", "double", "drop",
            "dual", "each", "else", "elseif", "empty", "enclosed", "escaped", "except", "exists", "exit",
            "explain", "false", "fetch", "first_value", "float", "float4", "float8", "for", "force", "foreign",
            "from", "fulltext", "function", "general", "generated", "get", "grant", "group", "grouping", "groups",
            "having", "high_priority", "hour_microsecond", "hour_minute", "hour_second", "if", "ignore",
            "ignore_domain_ids", "ignore_server_ids", "in", "index", "infile", "inner", "inout", "insensitive",
            "insert", "int", "int1", "int2", "int3", "int4", "int8", "integer", "intersect", "interval", "into",
            "io_after_gtids", "io_before_gtids", "is", "iterate", "join", "json_table", "key", "keys", "kill",
            "lag", "last_value", "lateral", "lead", "leading", "leave", "left", "like", "limit", "linear", "lines",
            "load", "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority",
            "master_heartbeat_period", "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob",
            "mediumint", "mediumtext", "middleint", "minute_microsecond", "minute_second", "mod", "modifies",
            "natural", "not", "no_write_to_binlog", "nth_value", "ntile", "null", "numeric", "of", "offset", "on",
            "optimize", "optimizer_costs", "option", "optionally", "or", "order", "out", "outer", "outfile",
            "over", "page_checksum", "parse_vcol_expr", "partition", "percent_rank", "position", "precision",
            "primary", "procedure", "purge", "range", "rank", "read", "reads", "read_write", "real", "recursive",
            "ref_system_id", "references", "regexp", "release", "rename", "repeat", "replace", "require", "resignal",
            "restrict", "return", "returning", "revoke", "right", "rlike", "row", "row_number", "rows", "schema",
            "schemas", "second_microsecond", "select", "sensitive", "separator", "set", "show", "signal", "slow",
            "smallint", "spatial", "specific", "sql", "sqlexception", "sqlstate", "sqlwarning", "sql_big_result",
            "sql_calc_found_rows", "sql_small_result", "ssl", "starting", "stats_auto_recalc", "stats_persistent",
            "stats_sample_pages", "stored", "straight_join", "system", "table", "terminated", "then", "tinyblob",
            "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo", "union", "unique", "unlock",
            "unsigned", "update", "usage", "use", "using", "utc_date", "utc_time", "utc_timestamp", "values",
            "varbinary", "varchar", "varcharacter", "varying", "virtual", "when", "where", "while", "window",
            "with", "write", "xor", "year_month", "zerofill"), '`');

    private static final int MAX_VARCHAR = 16_383;
    private static final int MAX_MEDIUMTEXT = 16_777_215 / 4;

    private static final Pattern CURRENT_TIMESTAMP = Pattern.compile(
            "\\s*(?:CURRENT_TIMESTAMP(?:\\s*\\(\\s*\\d?\\s*\\))?|NOW\\s*\\(\\s*\\d?\\s*\\))\\s*", Pattern.CASE_INSENSITIVE);

    private final TypeSupport types = new MariaDbTypes(this);

    /** For {@link java.util.ServiceLoader}; use {@link Dialect#mariadb()}. */
    public MariaDbDialect() {}

    @Override
    public String name() { return "MariaDB"; }

    // r2dbc-mariadb reports "MariaDB"; MySQL servers are not served (no RETURNING there).
    @Override
    public boolean serves(String productName) { return productName.toLowerCase(Locale.ROOT).contains("mariadb"); }

    // r2dbc-mariadb binds ? markers by index, in the order they appear.
    @Override
    public String bindMarker(int index) { return "?"; }

    @Override
    public String identifier(String name) { return IDENTIFIERS.render(name); }

    @Override
    public String typeName(ColumnType type, int length, int precision, int scale) {
        return switch (type) {
            case SMALLINT -> "smallint";
            case INTEGER -> "int";
            case BIGINT -> "bigint";
            case BOOLEAN -> "boolean";
            // Unbounded key, unique and foreign-key strings: varchar(255), so that their indexes work, composite ones
            // included (InnoDB indexes at most 3,072 bytes, 1,020 per utf8mb4 varchar(255)); TEXT cannot be a key.
            // Other unbounded strings are text: see unboundedTextType().
            // A utf8mb4 varchar holds at most 16,383 characters: longer declared lengths take the text type that holds
            // them (16 MB, then 4 GB of bytes), which does not check the declared length itself.
            case VARCHAR -> length > MAX_VARCHAR ? (length <= MAX_MEDIUMTEXT ? "mediumtext" : "longtext")
                    : "varchar(" + (length > 0 ? length : 255) + ")";
            // A bare DECIMAL is DECIMAL(10, 0) and would drop fractions: unconstrained means the widest.
            case DECIMAL -> precision > 0 ? "decimal(" + precision + ", " + scale + ")" : "decimal(65, 30)";
            case DOUBLE -> "double";
            case UUID -> "uuid";
            case DATE -> "date";
            case TIMESTAMP -> "datetime(6)";
            // MariaDB has no timestamp with a time zone; instants are kept as UTC datetimes (TIMESTAMP ends in 2038).
            case TIMESTAMP_TZ -> "datetime(6)";
            case BINARY -> length > 0 ? "varbinary(" + length + ")" : "longblob";
        };
    }

    // Instants are UTC datetimes here, but CURRENT_TIMESTAMP is the session's local time: the UTC time instead.
    @Override
    public String defaultExpression(ColumnType type, String expression) {
        return type == ColumnType.TIMESTAMP_TZ && CURRENT_TIMESTAMP.matcher(expression).matches() ? "UTC_TIMESTAMP(6)" : expression;
    }

    // TEXT: up to 65,535 bytes, and a longer value is refused naming the column (1406, 22001). Not LONGTEXT: a value
    // past max_allowed_packet (16 MB by default) would fail as a dropped connection (1153, 08S01) instead.
    @Override
    public String unboundedTextType() { return "text"; }

    @Override
    public String identityColumn() { return " NOT NULL AUTO_INCREMENT"; }

    @Override
    public TypeSupport types() { return types; }

    // Instant and OffsetDateTime go to r2dbc-mariadb as UTC LocalDateTimes (datetime(6) columns).
    @Override
    public dev.braid.dialect.ValueAdapter values() { return MariaDbValues.INSTANCE; }

    @Override
    public int maxIdentifierLength() { return 64; }

    // The protocol allows 65,535 parameters per statement.
    @Override
    public int defaultInListChunkSize() { return 1_000; }

    // r2dbc-mariadb reads text results as they arrive; streams use keyset windows.
    @Override
    public int defaultFetchSize() { return 0; }

    // INSERT ... RETURNING and DELETE ... RETURNING (10.5+); UPDATE returns nothing.
    @Override
    public QueryExpressions queryExpressions() { return MariaDbQueryExpressions.INSTANCE; }

    @Override
    public Returning returning() { return MariaDbReturning.INSTANCE; }

    @Override
    public BatchWrites batchWrites() { return MariaDbBatchWrites.INSTANCE; }

    @Override
    public Upserts upserts() { return MariaDbUpserts.INSTANCE; }

    @Override
    public InLists inLists() { return InLists.markersOnly(); }

    @Override
    public DdlGuards ddlGuards() { return MariaDbDdlGuards.INSTANCE; }

    @Override
    public TransactionStatements transactions() { return MariaDbIsolation.INSTANCE; }

    // 1213 deadlock (40001), 1205 lock wait timeout, 1062 duplicate key: see MariaDbErrors.
    @Override
    public ErrorClassifier errors() { return MariaDbErrors.INSTANCE; }

    @Override
    public String toString() { return name(); }
}
