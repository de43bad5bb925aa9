package dev.braid.core.query;

import dev.braid.core.error.Require;

/** One ORDER BY item. */
public record Order(Attribute<?, ?> attribute, Direction direction) {
    public enum Direction { ASC, DESC }

    public Order {
        Require.nonNull(attribute, "attribute");
        Require.nonNull(direction, "direction");
    }
}
