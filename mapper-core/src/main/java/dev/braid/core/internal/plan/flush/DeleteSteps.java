package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.EntityStatus;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The step factory of DELETEs: one object by key (and version), many unversioned objects of one table
 * by their single-column keys, and the unloaded children of deleted parents by the parents' keys.
 */
final class DeleteSteps {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;

    DeleteSteps(SqlRenderer renderer, IdentityMap identityMap) {
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    /** DELETE of one object by its key (and version). */
    WriteStep delete(EntityState state, Deque<Runnable> undo) {
        EntityMapping mapping = state.mapping();
        boolean versioned = mapping.versionColumn().isPresent();
        Step step = new Step(WriteStep.Kind.DELETE, List.of(), mapping.type(), mapping.table());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.Delete(mapping.table(), RowConditions.keyCondition(state)));
            step.outcome = (rowCount, returned) -> {
                // Like SQLAlchemy: a DELETE that finds no row is an error only when a version column
                // proves someone else changed the row; otherwise the row is gone, which was the goal.
                if (versioned) RowConditions.expectOne(rowCount, "DELETE", mapping, state, sql);
                identityMap.remove(state);
                undo.push(() -> identityMap.reinstate(state, EntityStatus.DELETED));
            };
            return sql;
        };
        return step;
    }

    /** DELETE of many unversioned objects of one table by their single-column keys. */
    WriteStep deleteBatch(List<EntityState> states, Deque<Runnable> undo) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping id = mapping.idColumns().get(0);
        Step step = new Step(WriteStep.Kind.DELETE, List.of(), mapping.type(), mapping.table());
        step.renderer = () -> {
            Object[] keys = SqlExpression.Parameter.newArray(id.type().databaseClass(), states.size());
            for (int i = 0; i < states.size(); i++) keys[i] = states.get(i).snapshot()[id.index()];
            RenderedSql sql = renderer.render(new SqlStatement.DeleteFromArrays(mapping.table(), List.of(id.column()),
                    List.of(SqlExpression.Parameter.of(keys)),
                    List.of(renderer.dialect().arrayElementType(id.type().columnType()))));
            step.outcome = (rowCount, rows) -> {
                for (EntityState state : states) {
                    identityMap.remove(state);
                    undo.push(() -> identityMap.reinstate(state, EntityStatus.DELETED));
                }
            };
            return sql;
        };
        return step;
    }

    /**
     * DELETE of the unloaded children of deleted parents by the parents' keys (a DELETE cascade over a
     * collection nobody loaded). Children the session holds that the statement deleted leave it.
     */
    WriteStep deleteByParentKeys(RelationshipMapping r, List<Object> parentKeys, Deque<Runnable> undo) {
        ColumnMapping fk = r.remoteColumn();
        EntityMapping children = r.target();
        Step step = new Step(WriteStep.Kind.DELETE, List.of(), children.type(), children.table());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.DeleteFromArrays(children.table(), List.of(fk.column()),
                    List.of(SqlExpression.Parameter.array(fk.type().databaseClass(), parentKeys)),
                    List.of(renderer.dialect().arrayElementType(fk.type().columnType()))));
            step.outcome = (rowCount, rows) -> {
                Set<Object> deletedParents = new HashSet<>(parentKeys);
                for (EntityState child : identityMap.states()) {
                    if (child.mapping() != children || child.snapshot() == null
                            || !deletedParents.contains(child.snapshot()[fk.index()])) continue;
                    EntityStatus status = child.status();
                    identityMap.remove(child);
                    undo.push(() -> identityMap.reinstate(child, status));
                }
            };
            return sql;
        };
        return step;
    }

}
