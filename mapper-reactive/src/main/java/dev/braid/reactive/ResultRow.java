package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One row of a raw SQL result, as {@link RawSql#map} sees it; valid only inside the mapping function.
 * Values come as the driver reads them into the class asked for.
 */
public interface ResultRow {

    /**
     * The value of a column by position.
     *
     * @param index the column's position, from 0
     * @param type  the class to read it as ({@code Long.class}, {@code String.class}, ...)
     * @param <V>   the value type
     * @return the value, or null for SQL NULL
     */
    <V> @Nullable V get(int index, Class<V> type);

    /**
     * The value of a column by name, ignoring case (H2 reports unquoted names in upper case).
     *
     * @param column the column's name or alias
     * @param type   the class to read it as
     * @param <V>    the value type
     * @return the value, or null for SQL NULL
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the result has no such column, or two
     */
    <V> @Nullable V get(String column, Class<V> type);

    /**
     * The result's column names, in order.
     *
     * @return the names, as the database reports them
     */
    List<String> columns();
}
