package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.annotation.LoadStrategy;

import java.util.List;

/**
 * A per-query load strategy for a relationship path, overriding the mapping's default:
 * {@code Loads.selectin(Author_.books, Book_.reviews)} loads books, then their reviews.
 * Every relationship on the path that has no option of its own is loaded with SELECTIN.
 */
public record LoadOption(List<Relation<?, ?>> path, LoadStrategy strategy, int chunkSize) {
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

    /** The same option with another number of keys per selectin query. */
    public LoadOption chunkSize(int keysPerQuery) {
        return new LoadOption(path, strategy, keysPerQuery);
    }
}
