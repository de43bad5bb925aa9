package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.identity.IdentityMap;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityKey;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.statement.RenderedSql;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The step factory of multi-row INSERTs: many objects of one table in one statement. */
final class MultiRowInsert {
    private final SqlRenderer renderer;
    private final IdentityMap identityMap;

    MultiRowInsert(SqlRenderer renderer, IdentityMap identityMap) {
        this.renderer = renderer;
        this.identityMap = identityMap;
    }

    /**
     * INSERT of many objects of one table in one statement (over arrays, or multi-row VALUES on H2).
     *
     * @param generated a generated key column left out of the statement and returned by it, or null
     */
    WriteStep insertRows(List<EntityState> states, Deque<Runnable> undo, Consumer<EntityState> beforeRender, ColumnMapping generated) {
        EntityMapping mapping = states.get(0).mapping();
        Step insert = new Step(WriteStep.Kind.INSERT,
                generated == null ? List.of() : List.of(generated.type().databaseClass()), mapping.type(), mapping.table());
        insert.renderer = () -> {
            int n = states.size();
            List<ColumnMapping> columns = mapping.columns();
            Object[][] written = new Object[n][];
            List<String> names = new ArrayList<>();
            List<SqlExpression.Parameter> arrays = new ArrayList<>();
            List<String> types = new ArrayList<>();
            Object[] versions = new Object[n];
            for (int row = 0; row < n; row++) {
                beforeRender.accept(states.get(row));
                written[row] = new Object[columns.size()];
            }
            for (ColumnMapping column : columns) {
                if (column == generated) continue;
                Object[] array = SqlExpression.Parameter.newArray(column.type().databaseClass(), n);
                for (int row = 0; row < n; row++) {
                    Object entity = states.get(row).entity();
                    Object value = column.getForDatabase(entity);
                    if (column.isVersion() && (value == null || ((Number) value).longValue() == 0)) {
                        value = RowConditions.initialVersion(column, value);
                        versions[row] = value;
                    }
                    if (value == null && column.isId()) throw RowConditions.missingId(mapping, column);
                    array[row] = value;
                    written[row][column.index()] = value;
                }
                names.add(column.column());
                arrays.add(SqlExpression.Parameter.of(array));
                types.add(DirtyCheck.arrayElementType(renderer.dialect(), column));
            }
            RenderedSql sql = renderer.render(new SqlStatement.InsertFromArrays(mapping.table(), names, arrays, types,
                    generated == null ? List.of() : List.of(generated.column())));
            insert.outcome = (rowCount, rows) -> {
                if (rowCount != n) {
                    throw Require.bug("INSERT of " + n + " " + mapping.name() + " rows affected " + rowCount);
                }
                if (generated != null) {
                    List<Object> keys = new ArrayList<>(n);
                    for (Object[] r : rows) keys.add(r[0]);
                    keys.sort(null); // identity values increase in the order the rows were inserted
                    for (int row = 0; row < n; row++) {
                        Object entity = states.get(row).entity();
                        written[row][generated.index()] = keys.get(row);
                        generated.set(entity, generated.fromDatabase(keys.get(row)));
                        undo.push(() -> generated.set(entity, null));
                    }
                }
                ColumnMapping versionColumn = mapping.versionColumn().orElse(null);
                for (int row = 0; row < n; row++) {
                    EntityState state = states.get(row);
                    if (versionColumn != null && versions[row] != null) {
                        Object entity = state.entity();
                        Object previous = versionColumn.get(entity);
                        versionColumn.set(entity, versionColumn.fromDatabase(versions[row]));
                        undo.push(() -> versionColumn.set(entity, previous));
                    }
                    EntityKey previousKey = state.key();
                    identityMap.inserted(state, mapping.keyOf(state.entity()), written[row]);
                    undo.push(() -> identityMap.uninserted(state, previousKey));
                }
            };
            return sql;
        };
        return insert;
    }

}
