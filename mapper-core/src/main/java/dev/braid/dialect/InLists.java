package dev.braid.dialect;

import java.util.Optional;

/**
 * How a list of values is matched: one marker per value ({@code x IN ($1, $2)}), one array bind
 * ({@code x = ANY($1)}), or, for selectin loading, a join on a table of the keys bound as one array.
 */
public interface InLists {

    /**
     * Lists with more values than this are bound as arrays ({@link #equalsAnyOf}); shorter ones get one
     * marker per value.
     *
     * @return the threshold; 0 when every list is an array, {@link Integer#MAX_VALUE} when none is
     */
    int arrayThreshold();

    /**
     * The most elements one array bind may hold; a longer list is bound as several arrays, OR-ed.
     *
     * @return the maximum array length
     */
    int maxArrayLength();

    /**
     * Writes {@code  = ANY($n)} (with its leading space) binding {@code array} (an {@code Object[]} of
     * driver values) after the operand the caller wrote.
     *
     * @param array the values, as an array of driver values
     * @param out   where the comparison is written
     */
    void equalsAnyOf(Object[] array, SqlWriter out);

    /**
     * The key table selectin queries join, when this database has one.
     *
     * @return the key table; empty when selectin queries filter with a list instead
     */
    Optional<KeyTable> keyTable();

    /**
     * A one-column table of keys bound as one array, joined by selectin queries
     * ({@code FROM TABLE(k bigint = $1) braid_keys JOIN books ON books.author_id = braid_keys.k}).
     */
    interface KeyTable {
        /**
         * Writes the key table as a FROM item.
         *
         * @param column  the table's one column
         * @param sqlType the SQL type of the column ({@code bigint})
         * @param values  the keys, as an array of driver values (bound as one array)
         * @param alias   the table's alias
         * @param out     where the FROM item is written
         */
        void write(String column, String sqlType, Object values, String alias, SqlWriter out);
    }

    /**
     * One marker per value, always: for databases without array binds.
     *
     * @return the shared markers-only instance
     */
    static InLists markersOnly() {
        return MarkersOnly.INSTANCE;
    }
}
