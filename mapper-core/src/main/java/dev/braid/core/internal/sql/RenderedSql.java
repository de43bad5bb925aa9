package dev.braid.core.internal.sql;

import dev.braid.core.internal.util.Require;
import java.util.List;

/** Statement text for one dialect plus its binds, in marker order. What the executor runs; what logs show. */
public record RenderedSql(String sql, List<Bind> binds) {
    public RenderedSql {
        Require.nonNull(sql, "sql");
        binds = List.copyOf(binds);
    }

    @Override
    public String toString() { return sql; }
}
