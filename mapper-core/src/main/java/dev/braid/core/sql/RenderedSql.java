package dev.braid.core.sql;

import java.util.List;
import java.util.Objects;

/** Statement text for one dialect plus its binds, in marker order. What the executor runs; what logs show. */
public record RenderedSql(String sql, List<Bind> binds) {
    public RenderedSql {
        Objects.requireNonNull(sql, "sql");
        binds = List.copyOf(binds);
    }

    @Override
    public String toString() { return sql; }
}
