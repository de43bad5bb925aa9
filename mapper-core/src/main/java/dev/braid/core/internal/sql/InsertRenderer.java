package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.Returning;

/** Writes INSERTs of one row and of many rows, returning generated columns the dialect's way. */
final class InsertRenderer {
    private final Dialect dialect;
    private final ExpressionRenderer expressions;

    InsertRenderer(Dialect dialect, ExpressionRenderer expressions) {
        this.dialect = dialect;
        this.expressions = expressions;
    }

    void insert(SqlStatement.Insert insert, SqlOutput out) {
        Returning returning = dialect.returning();
        returning.open(Returning.DataChange.INSERT, insert.returning(), out);
        out.append("INSERT INTO ").identifier(insert.table());
        if (insert.columns().isEmpty()) {
            out.append(" DEFAULT VALUES");
        } else {
            out.append(" (").identifiers(insert.columns()).append(") VALUES (");
            for (int i = 0; i < insert.values().size(); i++) {
                if (i > 0) out.append(", ");
                expressions.expression(insert.values().get(i), out);
            }
            out.append(')');
        }
        returning.close(Returning.DataChange.INSERT, insert.returning(), out);
    }

    /** {@code INSERT INTO t (a, b) <rows>}, the rows written as the dialect batches them. */
    void insertRows(SqlStatement.InsertFromArrays insert, SqlOutput out) {
        Returning returning = dialect.returning();
        returning.open(Returning.DataChange.INSERT, insert.returning(), out);
        out.append("INSERT INTO ").identifier(insert.table()).append(" (").identifiers(insert.columns()).append(") ");
        dialect.batchWrites().insertRows(SqlOutput.arrays(insert.arrays(), insert.arrayTypes()), out);
        returning.close(Returning.DataChange.INSERT, insert.returning(), out);
    }
}
