package dev.braid.query;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A row of any number of selected values ({@link Projections#of(Selection[])}), read by position or by
 * the selection itself: {@code row.get(Author_.name)}. Values may be null.
 */
public final class Tuple {
    private final List<Selection<?>> selections;
    private final @Nullable Object[] values;

    /**
     * A row of values for {@code selections}.
     *
     * @param selections what was selected, in order
     * @param values     the values, one per selection (not copied)
     * @throws MapperException {@code BRAID_ARGUMENT} when the sizes differ
     */
    public Tuple(List<Selection<?>> selections, @Nullable Object[] values) {
        this.selections = List.copyOf(selections);
        this.values = Require.nonNull(values, "values");
        Require.argument(values.length == selections.size(), "A tuple of " + selections.size() + " selections got "
                + values.length + " values");
    }

    /**
     * The number of values.
     *
     * @return the size
     */
    public int size() { return values.length; }

    /**
     * The value at {@code index}.
     *
     * @param index from 0
     * @return the value, or null
     * @throws MapperException {@code BRAID_ARGUMENT} when the index is out of range
     */
    public @Nullable Object get(int index) {
        Require.argument(index >= 0 && index < values.length, "Tuple index " + index + " out of range 0.."
                + (values.length - 1));
        return values[index];
    }

    /**
     * The value at {@code index}, as {@code type}.
     *
     * @param index from 0
     * @param type  the value's class (boxed for primitives)
     * @param <V>   the value type
     * @return the value, or null
     * @throws MapperException {@code BRAID_ARGUMENT} for an index out of range, {@code BRAID_CONVERSION}
     *         when the value is of another type
     */
    public <V> @Nullable V get(int index, Class<V> type) {
        Object value = get(index);
        if (value != null && !type.isInstance(value)) {
            throw new MapperException(ErrorCode.BRAID_CONVERSION, "Tuple value " + index + " ("
                    + selections.get(index) + ") is " + value.getClass().getSimpleName() + ", not "
                    + type.getSimpleName() + ". Fix: ask for " + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    /**
     * The value of {@code selection} (the first position that selected it).
     *
     * @param selection a selection of the query
     * @param <V>       the value type
     * @return the value, or null
     * @throws MapperException {@code BRAID_ARGUMENT} when the query did not select it
     */
    @SuppressWarnings("unchecked")
    public <V> @Nullable V get(Selection<V> selection) {
        int index = selections.indexOf(selection);
        Require.argument(index >= 0, selection + " is not selected here; the row holds " + selections);
        return (V) values[index];
    }

    /**
     * The values in selection order.
     *
     * @return the values (nulls kept; not modifiable)
     */
    public List<@Nullable Object> toList() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Equal when both hold equal values in the same order. */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Tuple other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() { return Arrays.hashCode(values); }

    /** {@code Tuple[a, 2]}. */
    @Override
    public String toString() { return "Tuple" + Arrays.toString(values); }
}
