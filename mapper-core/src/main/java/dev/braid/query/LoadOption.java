package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.annotation.LoadStrategy;

import java.util.List;

/**
 * A per-query load strategy for a relationship path, overriding the mapping's default:
 * {@code Loads.selectin(Author_.books, Book_.reviews)} loads books, then their reviews.
 * Every relationship on the path that has no option of its own is loaded with SELECTIN.
 *
 * @param path      the relationships from the query's entity, each starting at the previous one's target
 * @param strategy  how the last relationship of the path is loaded
 * @param chunkSize keys per selectin query, 0 for the relationship's default
 */
public record LoadOption(List<Relation<?, ?>> path, LoadStrategy strategy, int chunkSize) {
    /**
     * Checks that the path is not empty and does not break.
     *
     * @param path      the relationships (copied)
     * @param strategy  how the last relationship is loaded
     * @param chunkSize keys per selectin query, 0 for the default
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when a relationship does not start at the
     *         previous one's target; {@code BRAID_ARGUMENT} for an empty path, a null strategy or a negative chunk size
     */
    public LoadOption {
        path = List.copyOf(path);
        Require.nonNull(strategy, "strategy");
        dev.braid.core.internal.util.Require.argument(!path.isEmpty(), "A load option needs at least one relationship, e.g. Loads.selectin(Author_.books)");
        for (int i = 1; i < path.size(); i++) {
            if (!path.get(i).ownerType().equals(path.get(i - 1).targetType())) {
                throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY, "Load path breaks at " + path.get(i) + ": it must start at "
                        + path.get(i - 1).targetType().getSimpleName() + ", the target of " + path.get(i - 1));
            }
        }
        dev.braid.core.internal.util.Require.argument(chunkSize >= 0, "chunkSize(n) takes n >= 0 (0: the relationship's default), was " + chunkSize);
    }

    /**
     * The same option with another number of keys per selectin query.
     *
     * @param keysPerQuery keys per query, 0 for the relationship's default
     * @return the new option
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code keysPerQuery} is negative
     */
    public LoadOption chunkSize(int keysPerQuery) {
        return new LoadOption(path, strategy, keysPerQuery);
    }
}
