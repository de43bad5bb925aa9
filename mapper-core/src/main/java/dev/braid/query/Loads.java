package dev.braid.query;

import dev.braid.annotation.LoadStrategy;

import java.util.List;

/** Per-query load options, like SQLAlchemy's {@code selectinload}, {@code joinedload}, {@code raiseload}. */
public final class Loads {
    private Loads() {}

    /**
     * Loads the path with one query per relationship per chunk of parent keys.
     *
     * @param path the relationships from the query's entity, each starting at the previous one's target
     * @return the option
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the path breaks, {@code BRAID_ARGUMENT} when it is empty
     */
    public static LoadOption selectin(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.SELECTIN, 0);
    }

    /**
     * Loads the last relationship of the path with LEFT OUTER JOIN in its parent's query.
     *
     * @param path the relationships from the query's entity, each starting at the previous one's target
     * @return the option
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the path breaks, {@code BRAID_ARGUMENT} when it is empty
     */
    public static LoadOption joined(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.JOINED, 0);
    }

    /**
     * Leaves the last relationship of the path unloaded: touching it throws.
     *
     * @param path the relationships from the query's entity, each starting at the previous one's target
     * @return the option
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the path breaks, {@code BRAID_ARGUMENT} when it is empty
     */
    public static LoadOption raise(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.RAISE, 0);
    }

    /**
     * Marks the last relationship loaded and empty without querying it.
     *
     * @param path the relationships from the query's entity, each starting at the previous one's target
     * @return the option
     * @throws dev.braid.error.MapperException {@code BRAID_QUERY} when the path breaks, {@code BRAID_ARGUMENT} when it is empty
     */
    public static LoadOption noload(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.NOLOAD, 0);
    }
}
