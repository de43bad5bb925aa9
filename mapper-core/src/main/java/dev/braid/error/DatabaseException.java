package dev.braid.error;

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

    private final String sql;
    private final String sqlState;
    private final String table;
    private final String column;

    public DatabaseException(String message, String sql, String sqlState, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, null, null, cause);
    }

    /** A rejected statement whose driver named the {@code table} and {@code column} involved (either may be null). */
    public DatabaseException(String message, String sql, String sqlState, String table, String column, Throwable cause) {
        this(ErrorCode.BRAID_DATABASE, message, sql, sqlState, table, column, cause);
    }

    protected DatabaseException(ErrorCode code, String message, String sql, String sqlState, Throwable cause) {
        this(code, message, sql, sqlState, null, null, cause);
    }

    protected DatabaseException(ErrorCode code, String message, String sql, String sqlState, String table, String column,
                                Throwable cause) {
        super(code, cap(message) + " [SQLSTATE " + sqlState + "] while executing: " + cap(sql), cause);
        this.sql = sql;
        this.sqlState = sqlState;
        this.table = table;
        this.column = column;
    }

    /**
     * {@code text} cut to {@value #MAX_SQL_IN_MESSAGE} characters, saying how long it was; the text itself
     * when it is shorter (or null).
     */
    public static String cap(String text) {
        if (text == null || text.length() <= MAX_SQL_IN_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_SQL_IN_MESSAGE) + "... (" + text.length()
                + " characters in all; DatabaseException.sql() has the whole statement)";
    }

    /** The full statement text that failed. */
    public String sql() {
        return sql;
    }

    /** The five-character SQLSTATE reported by the driver, or null if it gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The table the driver named for this error (lower-case for H2's upper-case names), or null. */
    public String table() {
        return table;
    }

    /** The column the driver named for this error (or Braid found from the failed bind), or null. */
    public String column() {
        return column;
    }
}
