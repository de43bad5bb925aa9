package dev.braid.annotation;

import java.util.EnumSet;
import java.util.Set;

/** What session operations on an object do to the objects it refers to (SQLAlchemy's {@code cascade=}). */
public enum Cascade {
    /** Adding an object to the session adds the related objects too (default). */
    SAVE_UPDATE,
    /** Merging an object merges the related objects (default). */
    MERGE,
    /** Deleting an object deletes the related objects. */
    DELETE,
    /** A child removed from its parent's collection is deleted. */
    DELETE_ORPHAN,
    /** Expunging an object expunges the related objects. */
    EXPUNGE,
    /** Refreshing an object refreshes the related objects. */
    REFRESH_EXPIRE,
    /** SAVE_UPDATE, MERGE, DELETE, EXPUNGE, REFRESH_EXPIRE (not DELETE_ORPHAN, as in SQLAlchemy). */
    ALL,
    /** No cascade at all (an empty set would mean "the default"). */
    NONE;

    /**
     * SQLAlchemy's default cascade.
     *
     * @return a new set of {@link #SAVE_UPDATE} and {@link #MERGE}
     */
    public static EnumSet<Cascade> defaults() {
        return EnumSet.of(SAVE_UPDATE, MERGE);
    }

    /**
     * The cascades a declaration means: {@link #ALL} and {@link #NONE} expanded.
     *
     * @param declared the cascades as declared on a relationship
     * @return a new set of the effective cascades; {@link #defaults()} when {@code declared} is empty
     */
    public static EnumSet<Cascade> resolve(Set<Cascade> declared) {
        if (declared.isEmpty()) return defaults();
        EnumSet<Cascade> out = EnumSet.noneOf(Cascade.class);
        for (Cascade c : declared) {
            if (c == ALL) out.addAll(EnumSet.of(SAVE_UPDATE, MERGE, DELETE, EXPUNGE, REFRESH_EXPIRE));
            else if (c != NONE) out.add(c);
        }
        return out;
    }
}
