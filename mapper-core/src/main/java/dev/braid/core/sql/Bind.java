package dev.braid.core.sql;

import dev.braid.core.error.Require;

/** One bound value of a rendered statement: the driver value (or null) and its driver class. */
public record Bind(Object value, Class<?> type) {
    public Bind { Require.nonNull(type, "type"); }
}
