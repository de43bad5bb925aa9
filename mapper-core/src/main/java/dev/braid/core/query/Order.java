package dev.braid.core.query;

import java.util.Objects;

/** One ORDER BY item. */
public record Order(Attribute<?, ?> attribute, Direction direction) {
    public enum Direction { ASC, DESC }

    public Order {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(direction, "direction");
    }
}
