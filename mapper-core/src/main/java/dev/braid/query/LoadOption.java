package dev.braid.query;

import dev.braid.core.internal.util.Require;
import dev.braid.annotation.LoadStrategy;

import java.util.List;

/**
 * A per-query load strategy for a relationship path, overriding the mapping's default:
 * {@code Loads.selectin(Author_.books, Book_.reviews)} loads books, then their reviews.
 * Every relationship on the path that has no option of its own is loaded with SELECTIN.
 *
 * @param path           the relationships from the query's entity, each starting at the previous one's target
 * @param strategy       how the last relationship of the path is loaded
 * @param chunkSize      keys per selectin query, 0 for the relationship's default
 * @param recursionDepth how many levels of a self-referential last relationship are loaded (1: just it)
 */
public record LoadOption(List<Relation<?, ?>> path, LoadStrategy strategy, int chunkSize, int recursionDepth) {
    /**
     * Checks that the path is not empty and does not break.
     *
     * @param path           the relationships (copied)
     * @param strategy       how the last relationship is loaded
     * @param chunkSize      keys per selectin query, 0 for the default
     * @param recursionDepth levels of the last relationship to load, at least 1
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when a relationship does not start at the
     *         previous one's target, or a recursion depth above 1 is given for a relationship that is not
     *         self-referential or not loaded with SELECTIN; {@code BRAID_ARGUMENT} for an empty path, a null
     *         strategy, a negative chunk size or a depth below 1
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
        dev.braid.core.internal.util.Require.argument(recursionDepth >= 1, "recursionDepth(n) takes n >= 1 (1: the"
                + " relationship itself, 2: also its targets' same relationship, ...), was " + recursionDepth);
        Relation<?, ?> last = path.get(path.size() - 1);
        if (recursionDepth > 1 && !last.ownerType().equals(last.targetType())) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY, "recursionDepth("
                    + recursionDepth + ") on " + last + ", which leads from " + last.ownerType().getSimpleName() + " to "
                    + last.targetType().getSimpleName() + ": only a relationship from an entity to itself recurses."
                    + " Fix: name the next levels in the path instead, e.g. Loads.selectin(Author_.books, Book_.reviews)");
        }
        if (recursionDepth > 1 && strategy != LoadStrategy.SELECTIN) {
            throw new dev.braid.error.MapperException(dev.braid.error.ErrorCode.BRAID_QUERY, "recursionDepth("
                    + recursionDepth + ") on " + strategy + " loading of " + last + ". Fix: use Loads.selectin(...)"
                    + ".recursionDepth(n)");
        }
    }

    /**
     * An option loading the last relationship once (no recursion).
     *
     * @param path      the relationships (copied)
     * @param strategy  how the last relationship is loaded
     * @param chunkSize keys per selectin query, 0 for the default
     */
    public LoadOption(List<Relation<?, ?>> path, LoadStrategy strategy, int chunkSize) {
        this(path, strategy, chunkSize, 1);
    }

    /**
     * The same option with another number of keys per selectin query.
     *
     * @param keysPerQuery keys per query, 0 for the relationship's default
     * @return the new option
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code keysPerQuery} is negative
     */
    public LoadOption chunkSize(int keysPerQuery) {
        return new LoadOption(path, strategy, keysPerQuery, recursionDepth);
    }

    /**
     * The same option loading a self-referential relationship {@code levels} levels deep, one query per
     * level (and chunk), without repeating it in the path (SQLAlchemy's {@code recursion_depth}):
     * {@code Loads.selectin(Node_.children).recursionDepth(3)} loads children, grandchildren and their
     * children; the deepest level's relationship stays unloaded. Loading stops early at a level with no rows.
     * A whole tree of any depth loads in one statement with {@link CommonTable#recursive}.
     *
     * @param levels the levels to load, at least 1
     * @return the new option
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the relationship does not lead from an
     *         entity to itself, or the option is not SELECTIN; {@code BRAID_ARGUMENT} when {@code levels} is below 1
     */
    public LoadOption recursionDepth(int levels) {
        return new LoadOption(path, strategy, chunkSize, levels);
    }
}
