package dev.braid.core.internal.plan.flush;

import dev.braid.core.internal.identity.EntityState;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.JoinedTables;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * The subclass rows of an object in a joined-table hierarchy: after the base row's INSERT (which gave the
 * object its key), one INSERT per subclass table the object has a row in, parents first, holding the key
 * and that table's columns.
 */
final class JoinedInserts {
    private JoinedInserts() {}

    /** True when {@code mapping} is a joined-table hierarchy (its rows are inserted one by one). */
    static boolean joined(EntityMapping mapping) {
        return mapping.hierarchy() != null && mapping.hierarchy().joined() != null;
    }

    /** True when {@code column} lives in a subclass table, not in {@code mapping}'s table. */
    static boolean elsewhere(EntityMapping mapping, ColumnMapping column) {
        return joined(mapping) && mapping.hierarchy().joined().inSubclassTable(column);
    }

    /** The subclass tables {@code state}'s object has a row in, parents first (none outside joined hierarchies). */
    static List<JoinedTables.Part> parts(EntityState state) {
        return joined(state.mapping()) ? state.mapping().hierarchy().joined().partsOf(state.entity().getClass()) : List.of();
    }

    /** Adds the subclass-table INSERTs of {@code state}'s object (none outside joined hierarchies). */
    static void add(EntityState state, SqlRenderer renderer, List<WriteStep> steps) {
        EntityMapping mapping = state.mapping();
        if (!joined(mapping)) return;
        Object entity = state.entity();
        for (JoinedTables.Part part : mapping.hierarchy().joined().partsOf(entity.getClass())) {
            Step step = new Step(WriteStep.Kind.INSERT, List.of(), part.type(), part.table());
            step.renderer = () -> {
                List<String> columns = new ArrayList<>();
                List<SqlExpression.Parameter> values = new ArrayList<>();
                List<ColumnMapping> written = new ArrayList<>(mapping.idColumns());
                written.addAll(part.columns());
                for (ColumnMapping column : written) {
                    columns.add(column.column());
                    values.add(new SqlExpression.Parameter(column.getForDatabase(entity), column.type().databaseClass(),
                            column.type().sqlType()));
                }
                var sql = renderer.render(new SqlStatement.Insert(part.table(), columns, values, List.of()));
                step.outcome = (rowCount, returned) -> RowConditions.expectOne(rowCount, "INSERT", mapping, state, sql);
                return sql;
            };
            steps.add(step);
        }
    }
}
