package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

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
public record ErrorDetails(String message, @Nullable String constraint, @Nullable String table, @Nullable String column) {

    /**
     * Details of a text that names no constraint, table or column.
     *
     * @param message the driver's message
     * @return details holding just the message
     */
    public static ErrorDetails of(String message) {
        return new ErrorDetails(message, null, null, null);
    }

    /**
     * Whether the text named anything.
     *
     * @return true when the text named a constraint, a table or a column
     */
    public boolean namesSomething() {
        return constraint != null || table != null || column != null;
    }
}
