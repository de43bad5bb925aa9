package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.QueryExpressions;

import java.util.List;

/**
 * Writes the query statements beyond a plain SELECT: projections (DISTINCT, GROUP BY, HAVING), set
 * operations and {@code WITH} clauses, with the dialect's {@link QueryExpressions} for the parts that
 * differ between databases; tables and expressions as the {@link SelectRenderer} writes them.
 */
final class QueryRenderer {
    private final Dialect dialect;
    private final SelectRenderer selects;
    private final ExpressionRenderer expressions;

    QueryRenderer(Dialect dialect, SelectRenderer selects, ExpressionRenderer expressions) {
        this.dialect = dialect;
        this.selects = selects;
        this.expressions = expressions;
    }

    /** Any query statement. */
    void query(SqlStatement query, SqlOutput out) {
        if (query instanceof SqlStatement.Select s) {
            selects.select(s, out);
        } else if (query instanceof SqlStatement.Projection p) {
            projection(p, out);
        } else if (query instanceof SqlStatement.SetOperation s) {
            setOperation(s, out);
        } else if (query instanceof SqlStatement.With w) {
            with(w, out);
        } else {
            throw dev.braid.core.internal.util.Require.bug(query + " is not a query");
        }
    }

    private void projection(SqlStatement.Projection p, SqlOutput out) {
        out.append(p.distinct() ? "SELECT DISTINCT " : "SELECT ");
        list(p.columns(), out);
        out.append(" FROM ");
        selects.table(p.from(), out);
        selects.joins(p.joins(), out);
        if (p.where() != null) {
            out.append(" WHERE ");
            expressions.expression(p.where(), out);
        }
        if (!p.groupBy().isEmpty()) {
            out.append(" GROUP BY ");
            list(p.groupBy(), out);
        }
        if (p.having() != null) {
            out.append(" HAVING ");
            expressions.expression(p.having(), out);
        }
        selects.orderAndPage(p.orderBy(), p.limit(), p.offset(), out);
    }

    private void setOperation(SqlStatement.SetOperation s, SqlOutput out) {
        for (int i = 0; i < s.members().size(); i++) {
            if (i > 0) dialect.queryExpressions().setOperator(s.operators().get(i - 1), out);
            SqlStatement member = s.members().get(i);
            boolean parenthesize = member instanceof SqlStatement.SetOperation || ordersOrPages(member);
            if (parenthesize) out.append('(');
            query(member, out);
            if (parenthesize) out.append(')');
        }
        selects.orderAndPage(s.orderBy(), s.limit(), s.offset(), out);
    }

    private static boolean ordersOrPages(SqlStatement member) {
        if (member instanceof SqlStatement.Projection p) {
            return !p.orderBy().isEmpty() || p.limit() != null || p.offset() != null;
        }
        if (member instanceof SqlStatement.Select s) {
            return !s.orderBy().isEmpty() || s.limit() != null || s.offset() != null;
        }
        return false;
    }

    private void with(SqlStatement.With w, SqlOutput out) {
        dialect.queryExpressions().with(w.recursive(), out);
        for (int i = 0; i < w.tables().size(); i++) {
            if (i > 0) out.append(", ");
            SqlStatement.CommonTable table = w.tables().get(i);
            out.identifier(table.name()).append(" (").identifiers(table.columns()).append(") AS (");
            query(table.query(), out);
            out.append(')');
        }
        out.append(' ');
        query(w.body(), out);
    }

    private void list(List<SqlExpression> items, SqlOutput out) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) out.append(", ");
            expressions.expression(items.get(i), out);
        }
    }
}
