package dev.braid.reactive;

import dev.braid.core.internal.util.Require;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One page of a query's results and how many results the whole query has ({@link Select#page} and
 * {@link Select#pageWithTotal}).
 *
 * @param items the page's results, in the query's order
 * @param total how many results match the query's filter, over all pages
 * @param size  the page size asked for (the last page may hold fewer items)
 * @param <T>   the result type
 */
public record Page<T>(List<T> items, long total, int size) {
    /**
     * Checks and copies the parts.
     *
     * @param items the page's results
     * @param total results over all pages
     * @param size  the page size asked for, at least 1
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code items} is null or {@code size < 1}
     */
    public Page {
        items = List.copyOf(Require.nonNull(items, "items"));
        Require.argument(size >= 1, "A page holds at least 1 item, was " + size);
    }

    /**
     * The number of pages of {@link #size()} items the {@link #total()} fills.
     *
     * @return {@code ceil(total / size)}
     */
    public long totalPages() {
        return (total + size - 1) / size;
    }

    /**
     * The page's last result: what {@link Select#seekAfter} takes to read the next page.
     *
     * @return the last item, or null for an empty page
     */
    public @Nullable T last() {
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }
}
