package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.InLists;

/** Writes SELECTs: columns, FROM items (tables, derived tables, key tables), joins, filter, order, paging. */
final class SelectRenderer {
    private final Dialect dialect;
    private final ExpressionRenderer expressions;

    private final QueryRenderer queries;

    SelectRenderer(Dialect dialect) {
        this.dialect = dialect;
        this.expressions = new ExpressionRenderer(dialect, this);
        this.queries = new QueryRenderer(dialect, this, expressions);
    }

    /** Any query statement: a SELECT, a projection, a set operation, a WITH. */
    void query(SqlStatement query, SqlOutput out) {
        queries.query(query, out);
    }

    ExpressionRenderer expressions() {
        return expressions;
    }

    void select(SqlStatement.Select s, SqlOutput out) {
        out.append("SELECT ");
        for (int i = 0; i < s.columns().size(); i++) {
            if (i > 0) out.append(", ");
            expressions.expression(s.columns().get(i), out);
        }
        out.append(" FROM ");
        table(s.from(), out);
        joins(s.joins(), out);
        if (s.where() != null) {
            out.append(" WHERE ");
            expressions.expression(s.where(), out);
        }
        orderAndPage(s.orderBy(), s.limit(), s.offset(), out);
    }

    void joins(java.util.List<SqlStatement.Join> joins, SqlOutput out) {
        for (SqlStatement.Join join : joins) {
            out.append(join.leftOuter() ? " LEFT OUTER JOIN " : " JOIN ");
            table(join.table(), out);
            out.append(" ON ");
            expressions.expression(join.on(), out);
        }
    }

    void orderAndPage(java.util.List<OrderTerm> orderBy, Long limit, Long offset, SqlOutput out) {
        if (!orderBy.isEmpty()) {
            out.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                if (i > 0) out.append(", ");
                expressions.expression(orderBy.get(i).expression(), out);
                if (orderBy.get(i).descending()) out.append(" DESC");
            }
        }
        if (limit != null || offset != null) {
            dialect.paging().limitOffset(limit, offset, out);
        }
    }

    void table(TableRef table, SqlOutput out) {
        if (table.keys() != null) {
            TableRef.KeyArray keys = table.keys();
            InLists.KeyTable keyTable = dialect.inLists().keyTable().orElseThrow(() -> dev.braid.core.internal.util.Require.bug(
                    dialect + " has no key tables; filter with an IN list"));
            keyTable.write(keys.column(), keys.sqlType(), keys.values(), table.alias(), out);
            return;
        }
        if (table.subquery() != null) {
            out.append('(');
            select(table.subquery(), out);
            out.append(") ").identifier(table.alias());
            return;
        }
        out.identifier(table.name());
        if (table.alias() != null) {
            out.append(' ').identifier(table.alias());
        }
    }
}
