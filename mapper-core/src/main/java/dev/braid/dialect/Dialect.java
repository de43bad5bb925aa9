package dev.braid.dialect;


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

    /** Built-in dialect for H2 2.x. */
    static Dialect h2() { return Dialects.named("H2"); }

    /** Built-in dialect for PostgreSQL 12 and later. */
    static Dialect postgresql() { return Dialects.named("PostgreSQL"); }

    /**
     * The dialect for an R2DBC {@code ConnectionFactoryMetadata.getName()} such as "H2" or "PostgreSQL".
     *
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT}, naming the product and how to choose a dialect explicitly
     */
    static Dialect forProductName(String productName) {
        return Dialects.forProductName(productName);
    }

    /** The database's name, as users and error messages read it ("H2", "PostgreSQL"). */
    String name();

    /** True when this dialect is the one for R2DBC product name {@code productName} (never null, any case). By default: equal to {@link #name()}, ignoring case. */
    default boolean serves(String productName) {
        return name().equalsIgnoreCase(productName);
    }

    /** The marker for the parameter at {@code index} (1-based). */
    String bindMarker(int index);

    /** The identifier as it must appear in SQL: bare when it is a plain lower-case non-reserved name, else quoted. */
    String identifier(String name);

    /** DDL type name. {@code length}, {@code precision} and {@code scale} are 0 when unspecified. */
    String typeName(ColumnType type, int length, int precision, int scale);

    /**
     * The element type that array binds of a column are cast to: the type without length, precision or
     * scale ({@code text[]}, {@code numeric[]}). An explicit cast to {@code varchar(20)[]} silently cuts
     * a longer string to 20 characters (and would make a key compare equal to another row's); cast
     * unconstrained, the column's own type checks every value on assignment and rejects what it cannot hold.
     */
    default String arrayElementType(ColumnType type) {
        return typeName(type, 0, 0, 0);
    }

    /** The longest identifier the database keeps (PostgreSQL truncates at 63 bytes). */
    int maxIdentifierLength();

    /** Largest number of keys sent in one IN list or array by selectin loading, by default. */
    int defaultInListChunkSize();

    /** Roots per window of {@code stream()}, by default: what bounds a stream's memory. */
    default int defaultStreamWindow() { return 500; }

    /**
     * Rows per fetch for root queries by default (0: the driver reads the whole result). A bounded
     * fetch lets a cancelled query stop after the current batch, but costs round trips on every query.
     */
    int defaultFetchSize();

    /** How a SELECT is limited to a page. By default {@code LIMIT $1 OFFSET $2}. */
    default Paging paging() { return Paging.limitOffset(); }

    /** How INSERTs and DELETEs return columns of the rows they wrote. */
    Returning returning();

    /** How generated keys reach their objects. By default they come back from the INSERT. */
    default KeyAllocation keyAllocation() { return KeyAllocation.returnedByInsert(); }

    /** How many rows of one table are written by one statement. By default, one row per statement. */
    default BatchWrites batchWrites() { return BatchWrites.none(); }

    /** How lists of values are bound: markers, arrays, key tables. By default one marker per value. */
    default InLists inLists() { return InLists.markersOnly(); }

    /** Server-side cursors for streaming; empty (the default) when streams use keyset windows. */
    default Optional<Cursors> cursors() { return Optional.empty(); }

    /** How DDL that must not fail on an existing object is written. */
    DdlGuards ddlGuards();

    /** The statements around a transaction at an isolation level. By default BEGIN carries the level. */
    default TransactionStatements transactions() { return TransactionStatements.levelWithBegin(); }

    /** Shortcut for {@code transactions().beforeBegin(level)}: see {@link TransactionStatements#beforeBegin}. */
    default List<String> isolationBeforeBegin(String level) {
        return transactions().beforeBegin(level);
    }

    /** Shortcut for {@code transactions().afterEnd(level)}: see {@link TransactionStatements#afterEnd}. */
    default List<String> isolationAfterEnd(String level) {
        return transactions().afterEnd(level);
    }

    /**
     * True when an error with this SQLSTATE means the database aborted the transaction because it
     * conflicted with a concurrent one (a serialization failure or a deadlock), so running the whole
     * work again can succeed: {@link ErrorKind#isRetryable()} of {@link #errors()}.
     */
    default boolean isSerializationFailure(String sqlState) {
        return errors().kind(sqlState).isRetryable();
    }

    /**
     * How this database's errors read: which SQLSTATEs mean a lost connection, a serialization failure,
     * a deadlock, a constraint violation or a value that does not fit, and what its message texts say
     * about the constraint, table and column. By default the SQL standard's SQLSTATE classes only.
     */
    default ErrorClassifier errors() {
        return StandardErrors.INSTANCE;
    }
}
