package dev.braid.core.internal.hydrate;

/** A driver-neutral view of one result row: the reactive layer adapts R2DBC's {@code Row} to it. */
public interface RowView {
    /** The value at a 0-based column index, as {@code type} (a driver class), or null. */
    <V> V get(int index, Class<V> type);

    /**
     * The result's column names (labels), in order: how raw SQL results are matched to attributes. Asked
     * once per result (on its first row), never per value.
     */
    default java.util.List<String> columnNames() {
        throw dev.braid.core.internal.util.Require.bug(getClass().getName() + " does not know the result's column names");
    }
}
