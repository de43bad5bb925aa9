package dev.braid.core.sql;

import java.util.Objects;

/** One bound value of a rendered statement: the driver value (or null) and its driver class. */
public record Bind(Object value, Class<?> type) {
    public Bind { Objects.requireNonNull(type, "type"); }
}
