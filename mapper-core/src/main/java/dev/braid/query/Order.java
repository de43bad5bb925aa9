package dev.braid.query;

import dev.braid.core.internal.util.Require;

/**
 * One ORDER BY item, normally built with {@link Attribute#asc()} or {@link Attribute#desc()}.
 *
 * @param attribute the attribute ordered by
 * @param direction ascending or descending
 */
public record Order(Attribute<?, ?> attribute, Direction direction) {
    /** The direction of an ORDER BY item. */
    public enum Direction {
        /** Smallest first. */
        ASC,
        /** Largest first. */
        DESC
    }

    /**
     * Checks the parts.
     *
     * @param attribute the attribute ordered by
     * @param direction ascending or descending
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public Order {
        Require.nonNull(attribute, "attribute");
        Require.nonNull(direction, "direction");
    }
}
