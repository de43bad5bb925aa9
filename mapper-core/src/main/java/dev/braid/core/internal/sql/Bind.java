package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;

/** One bound value of a rendered statement: the driver value (or null) and its driver class. */
public record Bind(Object value, Class<?> type) {
    public Bind { Require.nonNull(type, "type"); }
}
