package dev.braid.core.sql;

import java.util.Objects;

/** A table in a FROM clause, with an optional alias. */
public record TableRef(String name, String alias) {
    public TableRef { Objects.requireNonNull(name, "name"); }

    public static TableRef of(String name) { return new TableRef(name, null); }

    /** What columns of this table are qualified with. */
    public String qualifier() { return alias != null ? alias : name; }
}
