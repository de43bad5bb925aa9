package dev.braid.query;

import dev.braid.core.internal.util.Require;

/** One ORDER BY item. */
public record Order(Attribute<?, ?> attribute, Direction direction) {
    public enum Direction { ASC, DESC }

    public Order {
        Require.nonNull(attribute, "attribute");
        Require.nonNull(direction, "direction");
    }
}
