package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.Returning;

/** Writes UPDATEs of one row, and of many rows by key as the dialect batches them. */
final class UpdateRenderer {
    private final Dialect dialect;
    private final ExpressionRenderer expressions;

    UpdateRenderer(Dialect dialect, ExpressionRenderer expressions) {
        this.dialect = dialect;
        this.expressions = expressions;
    }

    void update(SqlStatement.Update update, SqlOutput out) {
        out.append("UPDATE ").identifier(update.table()).append(" SET ");
        for (int i = 0; i < update.assignments().size(); i++) {
            if (i > 0) out.append(", ");
            out.identifier(update.assignments().get(i).column()).append(" = ");
            expressions.expression(update.assignments().get(i).value(), out);
        }
        out.append(" WHERE ");
        expressions.expression(update.where(), out);
    }

    /** {@code UPDATE t SET c = v, ... WHERE ...}, returning the new values of some columns the dialect's way. */
    void bulkUpdate(SqlStatement.BulkUpdate update, SqlOutput out) {
        Returning returning = dialect.returning();
        returning.open(Returning.DataChange.UPDATE, update.returning(), out);
        out.append("UPDATE ").identifier(update.table()).append(" SET ");
        for (int i = 0; i < update.set().size(); i++) {
            if (i > 0) out.append(", ");
            out.identifier(update.set().get(i).column()).append(" = ");
            expressions.expression(update.set().get(i).value(), out);
        }
        out.append(" WHERE ");
        expressions.expression(update.where(), out);
        returning.close(Returning.DataChange.UPDATE, update.returning(), out);
    }

    void updateRows(SqlStatement.UpdateFromArrays u, SqlOutput out) {
        dialect.batchWrites().updateRows(u.table(), u.keyColumn(), u.setColumns(),
                SqlOutput.arrays(u.arrays(), u.arrayTypes()), out);
    }
}
