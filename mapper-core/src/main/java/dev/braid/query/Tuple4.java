package dev.braid.query;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * A row of 4 selected values, in selection order; any of them may be null (a NULL column, an outer join's
 * missing side, an aggregate over no rows).
 *
 * @param first the first value
 * @param second the second value
 * @param third the third value
 * @param fourth the fourth value
 * @param <A> the first value's type
 * @param <B> the second value's type
 * @param <C> the third value's type
 * @param <D> the fourth value's type
 */
public record Tuple4<A, B, C, D>(@Nullable A first, @Nullable B second, @Nullable C third, @Nullable D fourth) {
    /**
     * The values in selection order.
     *
     * @return the values (nulls kept; not modifiable)
     */
    public List<@Nullable Object> toList() {
        return java.util.Collections.unmodifiableList(Arrays.asList(first, second, third, fourth));
    }
}
