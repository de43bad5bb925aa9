package dev.braid.dialect;

import org.jspecify.annotations.Nullable;


import java.util.List;
import java.util.Optional;

/**
 * What differs between databases: bind markers, quoting, DDL type names, and one capability object
 * per concern (paging, returning columns, key allocation, many-row writes, IN lists, cursors, DDL
 * guards, isolation statements, error codes). Renderers and planners ask these objects; they write no
 * database-specific SQL themselves, so adding a database means adding a dialect package (registered as
 * a {@link java.util.ServiceLoader} provider of this interface), not editing planners.
 */
public interface Dialect {

    /**
     * The built-in dialect for H2 2.x.
     *
     * @return the H2 dialect, found with {@link java.util.ServiceLoader}
     */
    static Dialect h2() { return Dialects.named("H2"); }

    /**
     * The built-in dialect for PostgreSQL 12 and later.
     *
     * @return the PostgreSQL dialect, found with {@link java.util.ServiceLoader}
     */
    static Dialect postgresql() { return Dialects.named("PostgreSQL"); }

    /**
     * The built-in dialect for MariaDB 10.11 and later.
     *
     * @return the MariaDB dialect, found with {@link java.util.ServiceLoader}
     */
    static Dialect mariadb() { return Dialects.named("MariaDB"); }

    /**
     * The PostgreSQL dialect's variant for CockroachDB: the same wire protocol and SQL, with fallbacks where
     * CockroachDB lacks what the PostgreSQL dialect uses (see {@code CockroachDialect}).
     *
     * @return the CockroachDB dialect, found with {@link java.util.ServiceLoader}
     */
    static Dialect cockroachdb() { return Dialects.named("CockroachDB"); }

    /**
     * The PostgreSQL dialect's variant for YugabyteDB's YSQL API (PostgreSQL 11.2 or 15 based).
     *
     * @return the YugabyteDB dialect, found with {@link java.util.ServiceLoader}
     */
    static Dialect yugabytedb() { return Dialects.named("YugabyteDB"); }

    /**
     * The dialect for a server as it describes itself: the first registered dialect that
     * {@link #servesServer(String, String) serves} the version string (CockroachDB's {@code version()} starts with
     * "CockroachDB", YugabyteDB's contains "-YB-"), else {@link #forProductName(String)}. Pure: reads no database.
     * r2dbc-postgresql names all three "PostgreSQL"; only the version tells them apart.
     *
     * @param productName   the driver's product name ({@code ConnectionFactoryMetadata.getName()})
     * @param serverVersion the server's full version string: the result of {@link #serverVersionQuery()} where the
     *                      product's dialect has one, else {@code ConnectionMetadata.getDatabaseVersion()}; may be empty
     * @return the dialect for that server
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} as {@link #forProductName(String)}
     */
    static Dialect forServer(String productName, String serverVersion) {
        return Dialects.forServer(productName, serverVersion);
    }

    /**
     * Whether this dialect is the one for a server with this product name and version string; used by
     * {@link #forServer(String, String)} before product names are compared. By default false: a dialect chosen by
     * product name alone.
     *
     * @param productName   the driver's product name (never null)
     * @param serverVersion the server's version string (never null, possibly empty)
     * @return true when this dialect serves that server
     */
    default boolean servesServer(String productName, String serverVersion) { return false; }

    /**
     * The query whose single value is the server's full version string, where the driver's
     * {@code ConnectionMetadata.getDatabaseVersion()} does not tell variants apart (PostgreSQL family:
     * {@code SELECT version()}, as CockroachDB and YugabyteDB report a PostgreSQL version there).
     *
     * @return the query; empty (the default) when the driver's version string suffices
     */
    default Optional<String> serverVersionQuery() { return Optional.empty(); }

    /**
     * How often {@code Mapper.inTransaction(work)} (without options) runs the work again after a serialization
     * failure or deadlock: 0 by default; more for databases where SQLSTATE 40001 is routine, such as CockroachDB
     * (SERIALIZABLE by default) and YugabyteDB, whose documentation asks clients to retry.
     *
     * @return retries of a transaction without explicit options
     */
    default int defaultTransactionRetries() { return 0; }

    /**
     * The dialect for an R2DBC {@code ConnectionFactoryMetadata.getName()} such as "H2" or "PostgreSQL".
     *
     * @param productName the driver's product name (any case)
     * @return the first registered dialect that {@link #serves(String) serves} it
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT}, naming the product and how to choose a dialect explicitly
     */
    static Dialect forProductName(String productName) {
        return Dialects.forProductName(productName);
    }

    /**
     * The database's name, as users and error messages read it.
     *
     * @return the name, such as "H2" or "PostgreSQL"
     */
    String name();

    /**
     * Whether this dialect is the one for an R2DBC product name. By default: the name equals
     * {@link #name()}, ignoring case.
     *
     * @param productName the driver's product name (never null, any case)
     * @return true when this dialect serves that database
     */
    default boolean serves(String productName) {
        return name().equalsIgnoreCase(productName);
    }

    /**
     * The bind marker for one parameter.
     *
     * @param index the parameter's position, 1-based
     * @return the marker as it appears in SQL ({@code $1}, {@code ?})
     */
    String bindMarker(int index);

    /**
     * An identifier as it must appear in SQL.
     *
     * @param name a table, column, alias or cursor name
     * @return the name bare when it is a plain lower-case non-reserved name, else quoted
     */
    String identifier(String name);

    /**
     * The DDL type name of a column.
     *
     * @param type the neutral column type
     * @param length the maximum length of a string or binary column, 0 when unspecified
     * @param precision the total digits of a decimal column, 0 when unspecified
     * @param scale the digits after the decimal point, 0 when unspecified
     * @return the type as written in CREATE TABLE ({@code varchar(40)}, {@code numeric(12, 2)})
     */
    String typeName(ColumnType type, int length, int precision, int scale);

    /**
     * The element type that array binds of a column are cast to: the type without length, precision or
     * scale ({@code text[]}, {@code numeric[]}). An explicit cast to {@code varchar(20)[]} silently cuts
     * a longer string to 20 characters (and would make a key compare equal to another row's); cast
     * unconstrained, the column's own type checks every value on assignment and rejects what it cannot hold.
     *
     * @param type the column's neutral type
     * @return the element type name, without length, precision or scale
     */
    default String arrayElementType(ColumnType type) {
        return typeName(type, 0, 0, 0);
    }

    /**
     * The type of an unbounded string column ({@code String} without {@code @Column(length = ...)}) that no index
     * needs to cover: not a key, unique or foreign-key column, and referred to by no foreign key or relationship.
     *
     * @return by default the type of any unbounded string, {@code typeName(VARCHAR, 0, 0, 0)}
     */
    default String unboundedTextType() { return typeName(ColumnType.VARCHAR, 0, 0, 0); }

    /**
     * A column's DEFAULT expression, declared in the mapping ({@code @ServerDefault}), as this database must write it
     * for a column of {@code type} (MariaDB keeps instants as UTC datetimes, so its {@code CURRENT_TIMESTAMP}, the
     * session's local time, becomes {@code UTC_TIMESTAMP(6)} there).
     *
     * @param type       the column's neutral type
     * @param expression the expression as declared
     * @return by default the expression unchanged
     */
    default String defaultExpression(ColumnType type, String expression) { return expression; }

    /**
     * What follows the type of a generated (identity) key column in CREATE TABLE, with its leading space.
     *
     * @return by default the SQL standard's {@code  GENERATED BY DEFAULT AS IDENTITY}
     */
    default String identityColumn() { return " GENERATED BY DEFAULT AS IDENTITY"; }

    /**
     * How this database stores JSON documents, arrays and enum types ({@link SqlType}).
     *
     * @return the type support; by default one refusing every such type with a clear message
     */
    default TypeSupport types() {
        return TypeSupport.unsupported(name());
    }

    /**
     * The longest identifier the database keeps (PostgreSQL truncates at 63 bytes).
     *
     * @return the maximum identifier length
     */
    int maxIdentifierLength();

    /**
     * The largest number of keys sent in one IN list or array by selectin loading, unless a relationship
     * sets its own chunk size.
     *
     * @return keys per selectin query, by default
     */
    int defaultInListChunkSize();

    /**
     * Roots per window of {@code stream()}, unless the query sets its own: what bounds a stream's memory.
     *
     * @return roots per window; 500 unless a dialect overrides it
     */
    default int defaultStreamWindow() { return 500; }

    /**
     * Whether NULL sorts above every value in an ORDER BY term without NULLS FIRST/LAST (PostgreSQL,
     * Oracle: true; H2, MariaDB, MySQL, SQL Server: false). Collections with an {@code orderBy} loaded
     * by SELECTIN are sorted in memory the same way.
     *
     * @return true when NULLs sort high; false by default
     */
    default boolean nullsSortHigh() { return false; }

    /**
     * Rows per fetch for root queries by default (0: the driver reads the whole result). A bounded
     * fetch lets a cancelled query stop after the current batch, but costs round trips on every query.
     *
     * @return rows per fetch, or 0 for the whole result
     */
    int defaultFetchSize();

    /**
     * How a SELECT is limited to a page.
     *
     * @return the paging capability; by default {@code LIMIT $1 OFFSET $2}
     */
    default Paging paging() { return Paging.limitOffset(); }

    /**
     * How queries beyond a plain SELECT are written: {@code WITH [RECURSIVE]}, set operators, conditions
     * selected as values.
     *
     * @return the query-expression capability; by default standard SQL
     */
    default QueryExpressions queryExpressions() { return QueryExpressions.standard(); }

    /**
     * How INSERTs and DELETEs return columns of the rows they wrote.
     *
     * @return the returning capability
     */
    Returning returning();

    /**
     * How generated keys reach their objects.
     *
     * @return the key allocation; by default the keys come back from the INSERT
     */
    default KeyAllocation keyAllocation() { return KeyAllocation.returnedByInsert(); }

    /**
     * How many rows of one table are written by one statement.
     *
     * @return the batched-write capability; by default one row per statement
     */
    default BatchWrites batchWrites() { return BatchWrites.none(); }

    /**
     * How rows are inserted unless they collide on a unique key (doing nothing or updating the existing row).
     *
     * @return the upsert capability; by default none (every upsert is refused with {@code BRAID_QUERY})
     */
    default Upserts upserts() { return Upserts.unsupported(name()); }

    /**
     * How lists of values are bound: markers, arrays, key tables.
     *
     * @return the IN-list capability; by default one marker per value
     */
    default InLists inLists() { return InLists.markersOnly(); }

    /**
     * Server-side cursors for streaming.
     *
     * @return the cursors; empty (the default) when streams use keyset windows
     */
    default Optional<Cursors> cursors() { return Optional.empty(); }

    /**
     * Where the write-ahead log stands on a primary and on its streaming replicas, for read-your-writes routing
     * ({@code Mapper.builder(...).replicas(...)}).
     *
     * @return the replication positions; empty (the default) when the dialect cannot read them
     */
    default Optional<Replication> replication() { return Optional.empty(); }

    /**
     * Database sequences (DDL and drawing values), for sequence keys with pooled allocation.
     *
     * @return the sequences; by default the SQL standard's {@code NEXT VALUE FOR}
     */
    default Sequences sequences() { return Sequences.standard(); }

    /**
     * How DDL that must not fail on an existing object is written.
     *
     * @return the DDL guards
     */
    DdlGuards ddlGuards();

    /**
     * The statements around a transaction at an isolation level.
     *
     * @return the transaction statements; by default BEGIN carries the level
     */
    default TransactionStatements transactions() { return TransactionStatements.levelWithBegin(); }

    /**
     * Shortcut for {@code transactions().beforeBegin(level)}: see {@link TransactionStatements#beforeBegin}.
     *
     * @param level the SQL isolation level name ({@code SERIALIZABLE}, {@code READ COMMITTED})
     * @return the statements to run before BEGIN, possibly none
     */
    default List<String> isolationBeforeBegin(String level) {
        return transactions().beforeBegin(level);
    }

    /**
     * Shortcut for {@code transactions().afterEnd(level)}: see {@link TransactionStatements#afterEnd}.
     *
     * @param level the SQL isolation level name the transaction ran at
     * @return the statements to run after COMMIT or ROLLBACK, possibly none
     */
    default List<String> isolationAfterEnd(String level) {
        return transactions().afterEnd(level);
    }

    /**
     * True when an error with this SQLSTATE means the database aborted the transaction because it
     * conflicted with a concurrent one (a serialization failure or a deadlock), so running the whole
     * work again can succeed: {@link ErrorKind#isRetryable()} of {@link #errors()}.
     *
     * @param sqlState the SQLSTATE the driver reported, or null
     * @return true for a retryable conflict
     */
    default boolean isSerializationFailure(@Nullable String sqlState) {
        return errors().kind(sqlState).isRetryable();
    }

    /**
     * How this database's errors read: which SQLSTATEs mean a lost connection, a serialization failure,
     * a deadlock, a constraint violation or a value that does not fit, and what its message texts say
     * about the constraint, table and column. By default the SQL standard's SQLSTATE classes only.
     *
     * @return this database's error classifier
     */
    default ErrorClassifier errors() {
        return StandardErrors.INSTANCE;
    }

    /**
     * How values go to and come from the driver where it lacks a codec (r2dbc-mariadb has none for
     * {@code OffsetDateTime}).
     *
     * @return the value adapter; by default none (values go to the driver as they are)
     */
    default ValueAdapter values() { return ValueAdapter.none(); }
}
