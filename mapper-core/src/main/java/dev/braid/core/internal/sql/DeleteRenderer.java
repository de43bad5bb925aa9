package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.Returning;

/** Writes DELETEs by filter (returning the deleted rows' columns the dialect's way) and of many rows by key. */
final class DeleteRenderer {
    private final Dialect dialect;
    private final ExpressionRenderer expressions;

    DeleteRenderer(Dialect dialect, ExpressionRenderer expressions) {
        this.dialect = dialect;
        this.expressions = expressions;
    }

    void delete(SqlStatement.Delete delete, SqlOutput out) {
        Returning returning = dialect.returning();
        returning.open(Returning.DataChange.DELETE, delete.returning(), out);
        out.append("DELETE FROM ").identifier(delete.table()).append(" WHERE ");
        expressions.expression(delete.where(), out);
        returning.close(Returning.DataChange.DELETE, delete.returning(), out);
    }

    /** {@code DELETE FROM t WHERE <the rows matching the key arrays>}, matched as the dialect batches deletes. */
    void deleteRows(SqlStatement.DeleteFromArrays d, SqlOutput out) {
        out.append("DELETE FROM ").identifier(d.table()).append(" WHERE ");
        dialect.batchWrites().deleteRowsMatching(d.columns(), SqlOutput.arrays(d.arrays(), d.arrayTypes()), out);
    }
}
