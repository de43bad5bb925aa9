package dev.braid.dialect;

import java.util.List;

/**
 * Standard SQL for many rows without array binds, one marker per value: {@code VALUES} row lists and
 * {@code IN} lists. For dialects whose array binds are missing or unfit (H2's cannot carry NULL elements).
 */
public final class RowLists {
    private RowLists() {}

    /**
     * Writes {@code VALUES ($1, $2), ($3, $4), ...}: row i of the arrays as tuple i, one marker per value.
     *
     * @param columns one array per column, all of the same length
     * @param out     where the row list is written
     */
    public static void values(List<ArrayBind> columns, SqlWriter out) {
        out.append("VALUES ");
        int count = columns.size();
        Object[][] arrays = new Object[count][];
        Class<?>[] types = new Class<?>[count];
        for (int c = 0; c < count; c++) {
            arrays[c] = columns.get(c).elements();
            types[c] = arrays[c].getClass().getComponentType();
        }
        int rows = count == 0 ? 0 : arrays[0].length;
        for (int row = 0; row < rows; row++) {
            out.append(row > 0 ? ", (" : "(");
            for (int c = 0; c < count; c++) {
                if (c > 0) out.append(", ");
                out.bind(arrays[c][row], types[c]);
            }
            out.append(')');
        }
    }

    /**
     * Writes {@code column IN ($1, ..., $n)} over one single-column key array.
     *
     * @param keyColumns the key column; exactly one
     * @param keys       the key values, as one array
     * @param out        where the condition is written
     * @throws dev.braid.error.MapperException {@code BRAID_INTERNAL} when the key has more than one column
     */
    public static void inList(List<String> keyColumns, List<ArrayBind> keys, SqlWriter out) {
        if (keyColumns.size() != 1) {
            throw dev.braid.core.internal.util.Require.bug("An IN-list DELETE takes a single key column, not " + keyColumns);
        }
        Object[] values = keys.get(0).elements();
        Class<?> type = values.getClass().getComponentType();
        out.identifier(keyColumns.get(0)).append(" IN (");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.append(", ");
            out.bind(values[i], type);
        }
        out.append(')');
    }
}
