package dev.braid.core.internal.plan.flush;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.StaleDataException;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The step factory of UPDATEs: one object's changed columns, or the same columns of many unversioned
 * objects of one table in one statement over arrays. Rows of one table changing the same columns share
 * a statement where {@link FlushCommands.UpdateGroup} groups them; the rest go one statement each,
 * rendered when their turn comes.
 */
final class UpdateSteps {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;
    private final int batchLimit;

    UpdateSteps(SqlRenderer renderer, IdentityMap identityMap, int batchLimit) {
        this.renderer = renderer;
        this.identityMap = identityMap;
        this.batchLimit = batchLimit;
    }

    /** @param beforeRender brings a row's foreign keys up to date just before its statement is rendered */
    void add(List<EntityState> singles, List<FlushCommands.UpdateGroup> groups, Deque<Runnable> undo,
             Consumer<EntityState> beforeRender, List<WriteStep> steps) {
        for (EntityState s : singles) {
            steps.add(update(s, undo, () -> beforeRender.accept(s)));
            for (var part : JoinedInserts.parts(s)) {
                steps.add(update(s, undo, () -> { }, part.table(),
                        c -> s.mapping().hierarchy().joined().partOf(c) == part));
            }
        }
        for (FlushCommands.UpdateGroup group : groups) {
            List<EntityState> states = group.rows();
            List<ColumnMapping> columns = group.columns();
            for (int i = 0; i < states.size(); i += batchLimit) {
                List<EntityState> batch = states.subList(i, Math.min(states.size(), i + batchLimit));
                if (batch.size() == 1 || columns.isEmpty()) {
                    for (EntityState s : batch) steps.add(update(s, undo, () -> beforeRender.accept(s)));
                } else {
                    steps.add(updateBatch(new ArrayList<>(batch), columns, undo));
                }
            }
        }
    }

    /** UPDATE of one object's changed columns. @param beforeRender runs just before the statement is rendered */
    WriteStep update(EntityState state, Deque<Runnable> undo, Runnable beforeRender) {
        EntityMapping mapping = state.mapping();
        return update(state, undo, beforeRender, mapping.table(), c -> !JoinedInserts.elsewhere(mapping, c));
    }

    /**
     * UPDATE of the changed columns of {@code table} (a joined-table hierarchy's base or subclass table; the
     * entity's table otherwise), keeping the snapshot of the other columns for their own statements.
     */
    WriteStep update(EntityState state, Deque<Runnable> undo, Runnable beforeRender, String table,
                     Predicate<ColumnMapping> inTable) {
        EntityMapping mapping = state.mapping();
        Object entity = state.entity();
        boolean baseTable = table.equals(mapping.table());
        Step step = new Step(WriteStep.Kind.UPDATE, List.of(), mapping.type(), table);
        step.renderer = () -> {
            beforeRender.run();
            Object[] snapshot = state.snapshot();
            Object[] current = mapping.readDatabaseValues(entity);
            List<SqlStatement.Assignment> assignments = new ArrayList<>();
            for (ColumnMapping column : mapping.columns()) {
                int i = column.index();
                if (!inTable.test(column)) {
                    current[i] = snapshot[i]; // another table's column: left for that table's statement
                    continue;
                }
                if (DirtyCheck.same(column, snapshot[i], current[i]) || column.isVersion()) {
                    continue;
                }
                if (column.isId()) {
                    throw new MapperException(ErrorCode.BRAID_ENTITY_STATE, "The primary key " + column.qualifiedName()
                            + " of " + state.key() + " was changed to " + current[i] + ". Braid does not update keys."
                            + " Fix: delete the object and add a new one with the new key");
                }
                assignments.add(new SqlStatement.Assignment(column.column(),
                        new SqlExpression.Parameter(current[i], column.type().databaseClass(), column.type().sqlType())));
            }
            if (assignments.isEmpty()) {
                return null;
            }
            ColumnMapping versionColumn = baseTable ? mapping.versionColumn().orElse(null) : null;
            Object nextVersion = null;
            if (versionColumn != null) {
                Number old = (Number) snapshot[versionColumn.index()];
                nextVersion = versionColumn.type().databaseClass() == Long.class
                        ? (Object) (old.longValue() + 1) : (Object) (old.intValue() + 1);
                assignments.add(new SqlStatement.Assignment(versionColumn.column(),
                        new SqlExpression.Parameter(nextVersion, versionColumn.type().databaseClass(), versionColumn.type().sqlType())));
                current[versionColumn.index()] = nextVersion;
            }
            RenderedSql sql = renderer.render(new SqlStatement.Update(table, assignments,
                    baseTable ? RowConditions.keyCondition(state) : RowConditions.idCondition(state)));
            Object version = nextVersion;
            step.outcome = (rowCount, returned) -> {
                RowConditions.expectOne(rowCount, "UPDATE", mapping, state, sql);
                if (versionColumn != null) {
                    Object previous = versionColumn.get(entity);
                    versionColumn.set(entity, versionColumn.fromDatabase(version));
                    undo.push(() -> versionColumn.set(entity, previous));
                }
                identityMap.updated(state, current);
                undo.push(() -> identityMap.updated(state, snapshot));
            };
            return sql;
        };
        return step;
    }

    /** UPDATE of the same columns of many unversioned objects of one table, one statement over arrays. */
    WriteStep updateBatch(List<EntityState> states, List<ColumnMapping> columns, Deque<Runnable> undo) {
        return updateBatch(states, columns, undo, s -> { });
    }

    /**
     * As {@link #updateBatch(List, List, Deque)}, with {@code beforeRender} run on each object first (a
     * post-update copies the keys it waited for).
     */
    WriteStep updateBatch(List<EntityState> states, List<ColumnMapping> columns, Deque<Runnable> undo,
                          Consumer<EntityState> beforeRender) {
        EntityMapping mapping = states.get(0).mapping();
        ColumnMapping id = mapping.idColumns().get(0);
        Step step = new Step(WriteStep.Kind.UPDATE, List.of(), mapping.type(), mapping.table());
        step.renderer = () -> {
            int n = states.size();
            for (EntityState state : states) beforeRender.accept(state);
            List<SqlExpression.Parameter> arrays = new ArrayList<>();
            List<String> types = new ArrayList<>();
            List<ColumnMapping> all = new ArrayList<>();
            all.add(id);
            all.addAll(columns);
            Object[][] current = new Object[n][];
            for (int row = 0; row < n; row++) current[row] = mapping.readDatabaseValues(states.get(row).entity());
            for (ColumnMapping column : all) {
                Object[] array = SqlExpression.Parameter.newArray(column.type().databaseClass(), n);
                for (int row = 0; row < n; row++) {
                    array[row] = column == id ? states.get(row).snapshot()[id.index()] : current[row][column.index()];
                }
                arrays.add(SqlExpression.Parameter.of(array));
                types.add(DirtyCheck.arrayElementType(renderer.dialect(), column));
            }
            RenderedSql sql = renderer.render(new SqlStatement.UpdateFromArrays(mapping.table(), id.column(),
                    columns.stream().map(ColumnMapping::column).toList(), arrays, types));
            step.outcome = (rowCount, rows) -> {
                if (rowCount != n) {
                    throw new StaleDataException("UPDATE of " + n + " " + mapping.name() + " rows affected " + rowCount
                            + ": some were deleted by another transaction. Fix: reload them and apply the change again."
                            + " SQL: " + sql.sql());
                }
                for (int row = 0; row < n; row++) {
                    EntityState state = states.get(row);
                    Object[] before = state.snapshot();
                    identityMap.updated(state, current[row]);
                    undo.push(() -> identityMap.updated(state, before));
                }
            };
            return sql;
        };
        return step;
    }

}
