package dev.braid.error;

import org.jspecify.annotations.Nullable;

/**
 * The database rejected a statement. Keeps the SQL, the SQLSTATE and the driver's exception as cause,
 * and the table and column when the driver named them. Bind values are not part of the message (they
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
        super(code, cap(message) + " [SQLSTATE " + sqlState + "] while executing: " + cap(sql), cause);
        this.sql = sql;
        this.sqlState = sqlState;
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
