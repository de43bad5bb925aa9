package dev.braid.statement;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;

/**
 * Statement text for one dialect plus its binds, in marker order, and who issued it. What the executor
 * runs; what logs and execution listeners show; what {@code Select.sql()} returns without a connection,
 * so every query can show its SQL. Two statements are equal when their text and binds are: the origin
 * describes the statement, it is not part of it.
 *
 * @param sql    the statement text, with the dialect's bind markers
 * @param binds  the bound values, in marker order
 * @param origin who issued the statement; {@link StatementOrigin#UNKNOWN} when not described
 */
public record RenderedSql(String sql, List<Bind> binds, StatementOrigin origin) {
    /**
     * Checks and copies the parts.
     *
     * @param sql    the statement text
     * @param binds  the bound values, in marker order
     * @param origin who issued it, or null for {@link StatementOrigin#UNKNOWN}
     * @throws MapperException {@code BRAID_ARGUMENT} when {@code sql} is null
     */
    public RenderedSql(String sql, List<Bind> binds, @Nullable StatementOrigin origin) {
        if (sql == null) {
            throw new MapperException(ErrorCode.BRAID_ARGUMENT, "RenderedSql.sql must not be null. Fix: pass the statement text");
        }
        this.sql = sql;
        this.binds = List.copyOf(binds);
        this.origin = origin == null ? StatementOrigin.UNKNOWN : origin;
    }

    /**
     * A statement without a described origin.
     *
     * @param sql   the statement text
     * @param binds the bound values, in marker order
     */
    public RenderedSql(String sql, List<Bind> binds) {
        this(sql, binds, StatementOrigin.UNKNOWN);
    }

    /**
     * This statement, issued by {@code origin}.
     *
     * @param origin who issues it
     * @return this statement when the origin is the same, else a copy carrying {@code origin}
     */
    public RenderedSql withOrigin(StatementOrigin origin) {
        return origin == this.origin ? this : new RenderedSql(sql, binds, origin);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RenderedSql other && sql.equals(other.sql) && binds.equals(other.binds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, binds);
    }

    /** The statement text. */
    @Override
    public String toString() { return sql; }
}
