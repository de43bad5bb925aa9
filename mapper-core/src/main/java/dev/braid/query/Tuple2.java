package dev.braid.query;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.List;

/**
 * A row of 2 selected values, in selection order; any of them may be null (a NULL column, an outer join's
 * missing side, an aggregate over no rows).
 *
 * @param first the first value
 * @param second the second value
 * @param <A> the first value's type
 * @param <B> the second value's type
 */
public record Tuple2<A, B>(@Nullable A first, @Nullable B second) {
    /**
     * The values in selection order.
     *
     * @return the values (nulls kept; not modifiable)
     */
    public List<@Nullable Object> toList() {
        return java.util.Collections.unmodifiableList(Arrays.asList(first, second));
    }
}
