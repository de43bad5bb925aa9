package dev.braid.dialect;

/**
 * One column of many rows, bound as one array: {@code values} is an {@code Object[]} of the driver's
 * element class, {@code type} its array class and {@code elementType} the SQL type name its elements
 * are cast to where the database wants a cast ({@code bigint}, {@code text}); null when unknown.
 */
public record ArrayBind(Object values, Class<?> type, String elementType) {
    public ArrayBind {
        if (values == null || !values.getClass().isArray() || type == null) {
            throw dev.braid.core.internal.util.Require.bug("an array bind needs an array value and its type");
        }
    }

    /** The elements, in row order. */
    public Object[] elements() {
        return (Object[]) values;
    }

    /** How many rows the array holds. */
    public int length() {
        return elements().length;
    }
}
