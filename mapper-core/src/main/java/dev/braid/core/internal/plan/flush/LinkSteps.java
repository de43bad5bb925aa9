package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.RelationshipMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The step factory of many-to-many link rows: one statement per link row, or one per relationship and
 * batch where the dialect batches. The two keys of a row are read when its step runs, so keys
 * generated earlier in the flush reach it.
 */
final class LinkSteps {
    private final SqlRenderer renderer;
    private final boolean batches;
    private final boolean batchesInserts;
    private final int batchLimit;

    /**
     * @param batches        link rows are inserted and deleted many per statement
     * @param batchesInserts link rows are inserted many per statement (deletes one by one unless {@code batches})
     */
    LinkSteps(SqlRenderer renderer, boolean batches, boolean batchesInserts, int batchLimit) {
        this.renderer = renderer;
        this.batches = batches;
        this.batchesInserts = batchesInserts;
        this.batchLimit = batchLimit;
    }

    /** The steps writing {@code changes}, all inserts or all deletes, in their order. */
    void add(Collection<FlushCommands.LinkChange> changes, boolean insert, List<WriteStep> steps) {
        if (!batches && !(insert && batchesInserts)) {
            for (FlushCommands.LinkChange c : changes) {
                steps.add(insert ? linkInsert(c.relationship(), c.owner(), c.target())
                        : linkDelete(c.relationship(), c.owner(), c.target()));
            }
            return;
        }
        Map<RelationshipMapping, List<Object[]>> byRelationship = new LinkedHashMap<>();
        for (FlushCommands.LinkChange c : changes) {
            byRelationship.computeIfAbsent(c.relationship(), k -> new ArrayList<>()).add(new Object[]{c.owner(), c.target()});
        }
        for (Map.Entry<RelationshipMapping, List<Object[]>> e : byRelationship.entrySet()) {
            List<Object[]> pairs = e.getValue();
            for (int i = 0; i < pairs.size(); i += batchLimit) {
                List<Object[]> batch = pairs.subList(i, Math.min(pairs.size(), i + batchLimit));
                if (batch.size() == 1) {
                    steps.add(insert ? linkInsert(e.getKey(), batch.get(0)[0], batch.get(0)[1])
                            : linkDelete(e.getKey(), batch.get(0)[0], batch.get(0)[1]));
                } else {
                    steps.add(linkBatch(e.getKey(), new ArrayList<>(batch), insert));
                }
            }
        }
    }

    /** INSERT of one link row of a many-to-many; the two keys are read when the step runs. */
    WriteStep linkInsert(RelationshipMapping r, Object owner, Object target) {
        Step step = new Step(WriteStep.Kind.LINK_INSERT, List.of(), r.owner().type(), r.link().table());
        step.renderer = () -> {
            RenderedSql sql = renderer.render(new SqlStatement.Insert(r.link().table(),
                    List.of(r.link().ownerColumn(), r.link().targetColumn()),
                    List.of(key(r.localColumn(), owner), key(r.remoteColumn(), target)), List.of()));
            step.outcome = (rowCount, returned) -> { };
            return sql;
        };
        return step;
    }

    /** DELETE of one link row, or of every link row of {@code owner} when {@code target} is null. */
    WriteStep linkDelete(RelationshipMapping r, Object owner, Object target) {
        Step step = new Step(WriteStep.Kind.LINK_DELETE, List.of(), r.owner().type(), r.link().table());
        step.renderer = () -> {
            List<SqlExpression> conditions = new ArrayList<>();
            conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(null, r.link().ownerColumn()), "=",
                    key(r.localColumn(), owner)));
            if (target != null) {
                conditions.add(new SqlExpression.Comparison(new SqlExpression.Column(null, r.link().targetColumn()), "=",
                        key(r.remoteColumn(), target)));
            }
            RenderedSql sql = renderer.render(new SqlStatement.Delete(r.link().table(),
                    new SqlExpression.Junction(true, conditions)));
            step.outcome = (rowCount, returned) -> { };
            return sql;
        };
        return step;
    }

    /** INSERT (or DELETE) of many link rows of one many-to-many in one statement. */
    WriteStep linkBatch(RelationshipMapping r, List<Object[]> pairs, boolean insert) {
        Step step = new Step(insert ? WriteStep.Kind.LINK_INSERT : WriteStep.Kind.LINK_DELETE, List.of(), r.owner().type(), r.link().table());
        step.renderer = () -> {
            Object[] owners = SqlExpression.Parameter.newArray(r.localColumn().type().databaseClass(), pairs.size());
            Object[] targets = SqlExpression.Parameter.newArray(r.remoteColumn().type().databaseClass(), pairs.size());
            for (int i = 0; i < pairs.size(); i++) {
                owners[i] = key(r.localColumn(), pairs.get(i)[0]).value();
                targets[i] = key(r.remoteColumn(), pairs.get(i)[1]).value();
            }
            List<String> columns = List.of(r.link().ownerColumn(), r.link().targetColumn());
            List<SqlExpression.Parameter> arrays = List.of(SqlExpression.Parameter.of(owners), SqlExpression.Parameter.of(targets));
            List<String> types = List.of(
                    renderer.dialect().arrayElementType(r.localColumn().type().columnType()),
                    renderer.dialect().arrayElementType(r.remoteColumn().type().columnType()));
            step.outcome = (rowCount, rows) -> { };
            return renderer.render(insert
                    ? new SqlStatement.InsertFromArrays(r.link().table(), columns, arrays, types)
                    : new SqlStatement.DeleteFromArrays(r.link().table(), columns, arrays, types));
        };
        return step;
    }

    private static SqlExpression.Parameter key(ColumnMapping column, Object entity) {
        Object value = column.getForDatabase(entity);
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "Cannot write a link row: " + column.qualifiedName()
                    + " of " + entity.getClass().getSimpleName() + " has no value. Fix: add the object to the session"
                    + " (cascade SAVE_UPDATE does this for related objects)");
        }
        return new SqlExpression.Parameter(value, column.type().databaseClass(), column.type().sqlType());
    }

}
