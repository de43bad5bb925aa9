package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * The database rejected a statement. Keeps the SQL, the SQLSTATE, the database's own error number
 * ({@link #vendorCode()}: MariaDB's 1062 or 1213, H2's 23505; PostgreSQL has none) and the driver's exception as
 * cause, and the table and column when the driver named them. Bind values are not part of the message (they
 * may be sensitive); enable the {@code dev.braid.binds} logger at TRACE to see them.
 *
 * <p>The message shows at most {@value #MAX_SQL_IN_MESSAGE} characters of the SQL and of the driver's
 * text (which may repeat the SQL): a statement with thousands of bind markers would otherwise make a
 * message of megabytes. {@link #sql()} keeps the full statement.
 */
public class DatabaseException extends MapperException {
    /** The most characters of SQL (and of the driver's message) that a message shows. */
    public static final int MAX_SQL_IN_MESSAGE = 1_000;

    /** The full statement that failed. */
    private final String sql;
    /** The driver's SQLSTATE, or null. */
    private final @Nullable String sqlState;
    /** The database's own error number, 0 when the driver reported none. */
    private final int vendorCode;
    /** The table the driver named, or null. */
    private final @Nullable String table;
    /** The column the driver named (or Braid found), or null. */
    private final @Nullable String column;

    /**
     * A rejected statement whose driver named no table or column; code {@link ErrorCode#BRAID_DATABASE}.
     *
     * @param message  the driver's message, as Braid words it
     * @param sql      the statement that failed
     * @param sqlState the SQLSTATE, or null when the driver gave none
     * @param cause    the driver's exception
     */
    public DatabaseException(String message, String sql, @Nullable String sqlState, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, null, null, cause);
    }

    /**
     * A rejected statement whose driver named the table and column involved; code {@link ErrorCode#BRAID_DATABASE}.
     *
     * @param message  the driver's message, as Braid words it
     * @param sql      the statement that failed
     * @param sqlState the SQLSTATE, or null when the driver gave none
     * @param table    the table, or null when not named
     * @param column   the column, or null when not named
     * @param cause    the driver's exception
     */
    public DatabaseException(String message, String sql, @Nullable String sqlState, @Nullable String table,
                             @Nullable String column, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, table, column, cause);
    }

    /**
     * A rejected statement with the database's own error number; code {@link ErrorCode#BRAID_DATABASE}.
     *
     * @param message    the driver's message, as Braid words it
     * @param sql        the statement that failed
     * @param sqlState   the SQLSTATE, or null when the driver gave none
     * @param vendorCode the database's error number (see {@link #vendorCode()}), 0 when the driver gave none
     * @param table      the table, or null when not named
     * @param column     the column, or null when not named
     * @param cause      the driver's exception
     */
    public DatabaseException(String message, String sql, @Nullable String sqlState, int vendorCode, @Nullable String table,
                             @Nullable String column, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, vendorCode, table, column, cause);
    }

    /**
     * A rejected statement with a more specific code, for subclasses.
     *
     * @param code     the error code
     * @param message  the driver's message, as Braid words it
     * @param sql      the statement that failed
     * @param sqlState the SQLSTATE, or null when the driver gave none
     * @param cause    the driver's exception
     */
    protected DatabaseException(ErrorCode code, String message, String sql, @Nullable String sqlState, Throwable cause) {
        this(code, message, sql, sqlState, null, null, cause);
    }

    /**
     * A rejected statement with a more specific code and the table and column involved, for subclasses.
     *
     * @param code     the error code
     * @param message  the driver's message, as Braid words it
     * @param sql      the statement that failed
     * @param sqlState the SQLSTATE, or null when the driver gave none
     * @param table    the table, or null when not named
     * @param column   the column, or null when not named
     * @param cause    the driver's exception
     */
    protected DatabaseException(ErrorCode code, String message, String sql, @Nullable String sqlState,
                                @Nullable String table, @Nullable String column, Throwable cause) {
        this(code, message, sql, sqlState, 0, table, column, cause);
    }

    /**
     * A rejected statement with a more specific code, the database's own error number and the table and column
     * involved, for subclasses.
     *
     * @param code       the error code
     * @param message    the driver's message, as Braid words it
     * @param sql        the statement that failed
     * @param sqlState   the SQLSTATE, or null when the driver gave none
     * @param vendorCode the database's error number (see {@link #vendorCode()}), 0 when the driver gave none
     * @param table      the table, or null when not named
     * @param column     the column, or null when not named
     * @param cause      the driver's exception
     */
    protected DatabaseException(ErrorCode code, String message, String sql, @Nullable String sqlState, int vendorCode,
                                @Nullable String table, @Nullable String column, Throwable cause) {
        super(code, cap(message) + " [SQLSTATE " + sqlState + "] while executing: " + cap(sql), cause);
        this.sql = sql;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
        this.table = table;
        this.column = column;
    }

    /**
     * {@code text} cut to {@value #MAX_SQL_IN_MESSAGE} characters, saying how long it was; the text itself
     * when it is shorter (or null).
     *
     * @param text a statement or driver message, or null
     * @return the text, cut when it is longer than {@value #MAX_SQL_IN_MESSAGE} characters; null for null
     */
    public static @Nullable String cap(@Nullable String text) {
        if (text == null || text.length() <= MAX_SQL_IN_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_SQL_IN_MESSAGE) + "... (" + text.length()
                + " characters in all; DatabaseException.sql() has the whole statement)";
    }

    /**
     * The full statement text that failed (never cut, unlike the message).
     *
     * @return the SQL, or a command such as {@code COMMIT}
     */
    public String sql() {
        return sql;
    }

    /**
     * The five-character SQLSTATE reported by the driver.
     *
     * @return the SQLSTATE, or null if the driver gave none
     */
    public @Nullable String sqlState() {
        return sqlState;
    }

    /**
     * The database's own error number, as the driver reported it ({@code R2dbcException.getErrorCode()}): it tells
     * apart what one SQLSTATE covers. MariaDB: 1062 duplicate key, 1213 deadlock, 1205 lock-wait timeout,
     * 1451/1452 foreign key, 1048 NOT NULL, 1406 value too long; H2: its error code (23505 duplicate key, 23506
     * foreign key, ...). PostgreSQL has none (it reports only SQLSTATEs; use {@link #sqlState()}): 0 there.
     *
     * @return the error number, or 0 when the driver reported none (PostgreSQL, a connection closed without an error)
     */
    public int vendorCode() {
        return vendorCode;
    }

    /**
     * The table the driver named for this error (lower-case for H2's upper-case names).
     *
     * @return the table, or null when the driver named none
     */
    public @Nullable String table() {
        return table;
    }

    /**
     * The column the driver named for this error (or Braid found from the failed bind).
     *
     * @return the column (several joined with ", " for a composite key), or null when none is known
     */
    public @Nullable String column() {
        return column;
    }
}
