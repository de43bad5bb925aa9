package dev.braid.core.internal.meta;

import dev.braid.core.internal.util.Require;

/** The table and column a foreign-key column references. */
public record ForeignKeyTarget(String table, String column) {
    public ForeignKeyTarget {
        Require.nonNull(table, "table");
        Require.nonNull(column, "column");
    }

    @Override
    public String toString() { return table + "." + column; }
}
