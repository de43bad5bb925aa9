package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.core.internal.util.Require;
import dev.braid.statement.RenderedSql;

import java.util.List;

/**
 * A rendered projection and how to turn its rows into results: per selection, where its columns start
 * and how its value is read, or the entity it hydrates (the session's tracked object); the shape the
 * values are put in; for entities, the relationships to load after the rows (the mapping's defaults)
 * and, for a tree read from a recursive common table, the relationship to fill from the rows themselves.
 *
 * @param outputs one per selection, in order
 * @param shape   values to result
 * @param tree    the tree to assemble from the rows, or null
 * @param loads   per entity selection, what to load after the rows (empty when nothing)
 */
public record ProjectionPlan(RenderedSql sql, List<Output> outputs, RowShape shape, Tree tree, List<EntityLoad> loads) {
    public ProjectionPlan {
        Require.nonNull(sql, "sql");
        outputs = List.copyOf(outputs);
        loads = List.copyOf(loads);
    }

    /** True when each row can go to the caller as it arrives (no entity loads, no tree to assemble). */
    public boolean streamable() {
        return tree == null && loads.isEmpty();
    }

    /**
     * One selection's place in the row.
     *
     * @param offset its first column
     * @param read   how its value is read (null for an entity)
     * @param entity the entity it hydrates, or null
     */
    public record Output(int offset, ReadAs read, EntityMapping entity) {}

    /**
     * The relationship a recursive common table followed, filled from the rows: each row's
     * {@code step} holds the rows it leads to (but at the last level of a bounded table).
     *
     * @param selection   the entity selection holding the tree's objects
     * @param step        the relationship followed
     * @param depthColumn the column holding each row's level
     * @param lastLevel   the deepest level read (its rows' relationship stays unloaded), or -1 for none
     */
    public record Tree(int selection, RelationshipMapping step, int depthColumn, int lastLevel) {}

    /**
     * What to load for the objects of one entity selection, after the rows.
     *
     * @param selection the entity selection
     * @param nodes     the load tree
     */
    public record EntityLoad(int selection, List<LoadNode> nodes) {
        public EntityLoad { nodes = List.copyOf(nodes); }
    }
}
