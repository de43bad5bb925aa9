package dev.braid.core.internal.hydrate;

/** A driver-neutral view of one result row: the reactive layer adapts R2DBC's {@code Row} to it. */
public interface RowView {
    /** The value at a 0-based column index, as {@code type} (a driver class), or null. */
    <V> V get(int index, Class<V> type);
}
