package dev.braid.query;

import dev.braid.annotation.LoadStrategy;

import java.util.List;

/** Per-query load options, like SQLAlchemy's {@code selectinload}, {@code joinedload}, {@code raiseload}. */
public final class Loads {
    private Loads() {}

    /** Loads the path with one query per relationship per chunk of parent keys. */
    public static LoadOption selectin(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.SELECTIN, 0);
    }

    /** Loads the last relationship of the path with LEFT OUTER JOIN in its parent's query. */
    public static LoadOption joined(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.JOINED, 0);
    }

    /** Leaves the last relationship of the path unloaded: touching it throws. */
    public static LoadOption raise(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.RAISE, 0);
    }

    /** Marks the last relationship loaded and empty without querying it. */
    public static LoadOption noload(Relation<?, ?>... path) {
        return new LoadOption(List.of(path), LoadStrategy.NOLOAD, 0);
    }
}
