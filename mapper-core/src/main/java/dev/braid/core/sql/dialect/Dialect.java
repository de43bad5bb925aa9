package dev.braid.core.sql.dialect;

import dev.braid.core.meta.ColumnType;

import java.util.List;
import java.util.Locale;

/**
 * What differs between databases, as capabilities rather than string templates: bind markers,
 * quoting, DDL type names, how generated keys come back and how IN lists are bound.
 */
public interface Dialect {

    /** Built-in dialect for H2 2.x. */
    static Dialect h2() { return H2Dialect.INSTANCE; }

    /** Built-in dialect for PostgreSQL 12 and later. */
    static Dialect postgresql() { return PostgresDialect.INSTANCE; }

    /**
     * The dialect for an R2DBC {@code ConnectionFactoryMetadata.getName()} such as "H2" or "PostgreSQL".
     *
     * @throws dev.braid.core.error.MapperException {@code BRAID_ARGUMENT}, naming the product and how to choose a dialect explicitly
     */
    static Dialect forProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) return postgresql();
        if (name.contains("h2")) return h2();
        throw new dev.braid.core.error.MapperException(dev.braid.core.error.ErrorCode.BRAID_ARGUMENT, "No Braid dialect for database '" + productName
                + "'. Supported: H2, PostgreSQL. Fix: use one of those, or pass a Dialect to Mapper.builder().dialect(...)");
    }

    String name();

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

    /** How an INSERT returns generated columns. */
    GeneratedKeys generatedKeys();

    /**
     * True when selectin queries should join a table of the keys bound as one array
     * ({@code FROM TABLE(k bigint = $1) braid_keys JOIN books ON books.author_id = braid_keys.k})
     * instead of filtering with an IN list.
     */
    default boolean joinsKeyTable() { return false; }

    /** True when {@code x = ANY($1)} with one array bind is the way to bind every IN list. */
    boolean bindsInListAsArray();

    /**
     * IN lists of a query's filter ({@code in(...)}) with more values than this are bound as one array,
     * {@code x = ANY($1)}; shorter ones get one marker per value. 0 when {@link #bindsInListAsArray()}.
     */
    default int inListArrayThreshold() { return bindsInListAsArray() ? 0 : Integer.MAX_VALUE; }

    /** The most elements one array bind may hold; a longer IN list is bound as several arrays, OR-ed. */
    default int maxArrayLength() { return Integer.MAX_VALUE; }

    /** Largest number of keys sent in one IN list or array by selectin loading, by default. */
    int defaultInListChunkSize();

    /** Roots per window of {@code stream()}, by default: what bounds a stream's memory. */
    default int defaultStreamWindow() { return 500; }

    /**
     * Rows per fetch for root queries by default (0: the driver reads the whole result). A bounded
     * fetch lets a cancelled query stop after the current batch, but costs round trips on every query.
     */
    int defaultFetchSize();

    /**
     * True when many rows can be written by one statement over array binds
     * ({@code INSERT ... SELECT * FROM unnest($1, $2)}), and identity keys allocated ahead of the
     * insert ({@code nextval} of the identity's sequence) so each object gets its key by position.
     */
    boolean supportsArrayBatches();

    /**
     * True when INSERTs (alone) can be batched over array binds although other writes cannot, the
     * generated keys coming back from the statement itself in increasing order of the rows
     * (H2: {@code SELECT id FROM FINAL TABLE (INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ...)}).
     */
    default boolean batchesInsertsReturningOrderedKeys() { return false; }

    /**
     * True when DELETEs by a single-column key are batched as {@code DELETE ... WHERE id IN ($1, ...)}
     * although other writes cannot be batched over arrays (H2).
     */
    default boolean batchesDeletesAsInLists() { return false; }

    /**
     * True when UPDATEs of many rows by a single-column key can go as one
     * {@code MERGE INTO t USING (VALUES ($1, $2), ...) AS v (id, c) ON t.id = v.id WHEN MATCHED THEN UPDATE ...}
     * although other writes cannot be batched over arrays (H2). Braid uses it for the post-updates
     * that close cycles of foreign keys.
     */
    default boolean batchesUpdatesAsMerge() { return false; }

    /** True for {@code ALTER TABLE ... ADD CONSTRAINT IF NOT EXISTS} (H2); PostgreSQL has no such form. */
    boolean supportsAddConstraintIfNotExists();

    /** True when server-side cursors ({@code DECLARE ... CURSOR}, {@code FETCH}) can window a streamed query. */
    boolean supportsCursors();

    /** The longest identifier the database keeps (PostgreSQL truncates at 63 bytes). */
    int maxIdentifierLength();

    /**
     * Statements that make the next transaction on a connection run at {@code level} (an SQL isolation
     * level: READ UNCOMMITTED, READ COMMITTED, REPEATABLE READ or SERIALIZABLE), sent before BEGIN.
     * Empty when BEGIN itself carries the level (PostgreSQL's {@code BEGIN ISOLATION LEVEL ...}).
     *
     * @throws IllegalArgumentException for any other level name (it becomes SQL text)
     */
    default List<String> isolationBeforeBegin(String level) {
        IsolationLevels.requireStandard(level);
        return List.of();
    }

    /**
     * Statements that put a connection back to the database's default level after a transaction that
     * ran at {@code level}, so that the connection's next user (pools reuse connections) does not
     * inherit it. Empty when the level ended with the transaction.
     */
    default List<String> isolationAfterEnd(String level) {
        return List.of();
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

    enum GeneratedKeys {
        /** {@code INSERT ... RETURNING col} (PostgreSQL). */
        RETURNING_CLAUSE,
        /** {@code SELECT col FROM FINAL TABLE (INSERT ...)} (H2's data change delta table). */
        FINAL_TABLE
    }
}
