package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;

import java.util.List;

/**
 * A rendered SELECT and how to turn its rows into entities: the root entity's columns come first
 * (mapping order, from index 0), then, for each JOINED load, the target's columns at its offset.
 *
 * @param joined        relationships loaded in this statement, with their column offsets
 * @param load          the relationships to load after the rows (selectin, and anything below joined ones)
 * @param distinctRoots true when joins can repeat a root row: each root is emitted once
 */
public record SelectPlan(RenderedSql sql, EntityMapping entity, List<JoinedLoad> joined, List<LoadNode> load,
                         boolean distinctRoots) {
    public SelectPlan {
        Require.nonNull(sql, "sql");
        Require.nonNull(entity, "entity");
        joined = List.copyOf(joined);
        load = List.copyOf(load);
    }

    public SelectPlan(RenderedSql sql, EntityMapping entity) {
        this(sql, entity, List.of(), List.of(), false);
    }

    /** True when rows can be streamed straight to the caller (nothing to load after them). */
    public boolean streamable() {
        return joined.isEmpty() && load.isEmpty() && !distinctRoots;
    }

    /** A JOINED relationship: its node and where its target's columns start in each row. */
    public record JoinedLoad(LoadNode node, int offset) {}
}
