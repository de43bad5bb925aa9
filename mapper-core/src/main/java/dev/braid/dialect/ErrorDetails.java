package dev.braid.dialect;

/**
 * What a driver's message text says about an error: the message itself (without what the driver
 * appends, such as H2's copy of the SQL and its error code) and the constraint, table and column it
 * names. Names the database reports in upper case because they were unquoted are lower-cased, as
 * Braid's DDL writes them.
 *
 * @param message    the driver's message, cleaned
 * @param constraint the violated constraint, or null
 * @param table      the table, or null
 * @param column     the column (several joined with ", " for a composite key), or null
 */
public record ErrorDetails(String message, String constraint, String table, String column) {

    /** Just the message: the text names no constraint, table or column. */
    public static ErrorDetails of(String message) {
        return new ErrorDetails(message, null, null, null);
    }

    /** True when the text named a constraint, a table or a column. */
    public boolean namesSomething() {
        return constraint != null || table != null || column != null;
    }
}
