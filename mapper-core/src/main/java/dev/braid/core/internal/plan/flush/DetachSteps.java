package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.Deque;
import java.util.List;
import java.util.Objects;

/** The step factory of child detaching: the unloaded children of a deleted parent lose their foreign key. */
final class DetachSteps {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;

    DetachSteps(SqlRenderer renderer, IdentityMap identityMap) {
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    /** {@code UPDATE child SET fk = NULL WHERE fk = $parent}: unloaded children of a deleted parent. */
    WriteStep detachChildren(RelationshipMapping r, EntityState parent, Deque<Runnable> undo) {
        ColumnMapping fk = r.remoteColumn();
        Step step = new Step(WriteStep.Kind.UPDATE, List.of(), r.target().type(), r.target().table());
        step.renderer = () -> {
            Object key = parent.snapshot()[r.localColumn().index()];
            RenderedSql sql = renderer.render(new SqlStatement.Update(r.target().table(),
                    List.of(new SqlStatement.Assignment(fk.column(), new SqlExpression.Parameter(null, fk.type().databaseClass(), fk.type().sqlType()))),
                    new SqlExpression.Comparison(new SqlExpression.Column(null, fk.column()), "=",
                            new SqlExpression.Parameter(key, fk.type().databaseClass(), fk.type().sqlType()))));
            step.outcome = (rowCount, rows) -> {
                // Children the session holds follow the database.
                for (EntityState child : identityMap.states()) {
                    if (child.mapping() != r.target() || child.snapshot() == null
                            || !Objects.equals(child.snapshot()[fk.index()], key)) continue;
                    Object previous = fk.get(child.entity());
                    Object[] before = child.snapshot();
                    Object[] after = before.clone();
                    after[fk.index()] = null;
                    fk.set(child.entity(), null);
                    identityMap.updated(child, after);
                    undo.push(() -> {
                        fk.set(child.entity(), previous);
                        identityMap.updated(child, before);
                    });
                }
            };
            return sql;
        };
        return step;
    }

}
