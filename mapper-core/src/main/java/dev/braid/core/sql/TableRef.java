package dev.braid.core.sql;

import java.util.Objects;

/**
 * A table in a FROM or JOIN clause, with an optional alias; or, when {@code subquery} is set, a
 * derived table {@code (SELECT ...) alias} (then {@code name} is only descriptive and alias is required).
 */
public record TableRef(String name, String alias, SqlStatement.Select subquery) {
    public TableRef {
        Objects.requireNonNull(name, "name");
        if (subquery != null) Objects.requireNonNull(alias, "a derived table needs an alias");
    }

    public TableRef(String name, String alias) { this(name, alias, null); }

    public static TableRef of(String name) { return new TableRef(name, null, null); }

    public static TableRef derived(SqlStatement.Select subquery, String alias) {
        return new TableRef(alias, alias, subquery);
    }

    /** What columns of this table are qualified with. */
    public String qualifier() { return alias != null ? alias : name; }
}
