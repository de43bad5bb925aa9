package dev.braid.core.meta;

import java.util.Objects;

/** The table and column a foreign-key column references. */
public record ForeignKeyTarget(String table, String column) {
    public ForeignKeyTarget {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() { return table + "." + column; }
}
