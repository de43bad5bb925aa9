package dev.braid.dialect;

import org.jspecify.annotations.Nullable;

/**
 * One column of many rows, bound as one array.
 *
 * @param values      an {@code Object[]} of the driver's element class, one element per row
 * @param type        the array's class
 * @param elementType the SQL type name the elements are cast to where the database wants a cast
 *                    ({@code bigint}, {@code text}); null when unknown
 */
public record ArrayBind(Object values, Class<?> type, @Nullable String elementType) {
    /**
     * Checks that the bind holds an array.
     *
     * @param values      an {@code Object[]} of the driver's element class, one element per row
     * @param type        the array's class
     * @param elementType the SQL type name of the elements, or null when unknown
     * @throws dev.braid.error.MapperException {@code BRAID_INTERNAL} when {@code values} is not an array or
     *         {@code type} is null
     */
    public ArrayBind {
        if (values == null || !values.getClass().isArray() || type == null) {
            throw dev.braid.core.internal.util.Require.bug("an array bind needs an array value and its type");
        }
    }

    /**
     * The elements, in row order.
     *
     * @return {@code values} as an array
     */
    public Object[] elements() {
        return (Object[]) values;
    }

    /**
     * How many rows the array holds.
     *
     * @return the number of elements
     */
    public int length() {
        return elements().length;
    }
}
