package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;

/**
 * A table in a FROM or JOIN clause, with an optional alias; or, when {@code subquery} is set, a
 * derived table {@code (SELECT ...) alias} (then {@code name} is only descriptive and alias is required);
 * or, when {@code keys} is set, a one-column table of keys bound as one array ({@code TABLE(k bigint = $1) alias} on H2).
 */
public record TableRef(String name, String alias, SqlStatement.Select subquery, KeyArray keys) {
    public TableRef {
        Require.nonNull(name, "name");
        if (subquery != null || keys != null) Require.nonNull(alias, "a derived table needs an alias");
    }

    /**
     * The values of a key table: one column named {@code column} of SQL type {@code sqlType}, bound as
     * one array {@code values} (an array of the driver's element class).
     */
    public record KeyArray(String column, String sqlType, Object values) {
        public KeyArray {
            Require.nonNull(column, "column");
            Require.nonNull(sqlType, "sqlType");
            if (values == null || !values.getClass().isArray()) throw dev.braid.core.internal.util.Require.bug("key array values must be an array");
        }
    }

    public TableRef(String name, String alias, SqlStatement.Select subquery) { this(name, alias, subquery, null); }

    public TableRef(String name, String alias) { this(name, alias, null, null); }

    public static TableRef of(String name) { return new TableRef(name, null, null, null); }

    public static TableRef derived(SqlStatement.Select subquery, String alias) {
        return new TableRef(alias, alias, subquery, null);
    }

    public static TableRef keys(KeyArray keys, String alias) {
        return new TableRef(alias, alias, null, keys);
    }

    /** What columns of this table are qualified with. */
    public String qualifier() { return alias != null ? alias : name; }
}
