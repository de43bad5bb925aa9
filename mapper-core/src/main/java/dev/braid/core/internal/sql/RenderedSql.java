package dev.braid.core.internal.sql;

import dev.braid.statement.Bind;
import dev.braid.statement.StatementOrigin;
import dev.braid.core.internal.util.Require;
import java.util.List;
import java.util.Objects;

/**
 * Statement text for one dialect plus its binds, in marker order, and who issued it. What the executor
 * runs; what logs and execution listeners show. Two statements are equal when their text and binds are:
 * the origin describes the statement, it is not part of it.
 *
 * @param origin who issued the statement; {@link StatementOrigin#UNKNOWN} when not described
 */
public record RenderedSql(String sql, List<Bind> binds, StatementOrigin origin) {
    public RenderedSql {
        Require.nonNull(sql, "sql");
        binds = List.copyOf(binds);
        if (origin == null) origin = StatementOrigin.UNKNOWN;
    }

    /** A statement without a described origin. */
    public RenderedSql(String sql, List<Bind> binds) {
        this(sql, binds, StatementOrigin.UNKNOWN);
    }

    /** This statement, issued by {@code origin}. */
    public RenderedSql withOrigin(StatementOrigin origin) {
        return origin == this.origin ? this : new RenderedSql(sql, binds, origin);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedSql other && sql.equals(other.sql) && binds.equals(other.binds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sql, binds);
    }

    @Override
    public String toString() { return sql; }
}
