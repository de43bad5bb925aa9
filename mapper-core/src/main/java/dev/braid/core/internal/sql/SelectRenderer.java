package dev.braid.core.internal.sql;

import dev.braid.dialect.Dialect;
import dev.braid.dialect.InLists;

/** Writes SELECTs: columns, FROM items (tables, derived tables, key tables), joins, filter, order, paging. */
final class SelectRenderer {
    private final Dialect dialect;
    private final ExpressionRenderer expressions;

    SelectRenderer(Dialect dialect) {
        this.dialect = dialect;
        this.expressions = new ExpressionRenderer(dialect.inLists(), this);
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
        for (SqlStatement.Join join : s.joins()) {
            out.append(join.leftOuter() ? " LEFT OUTER JOIN " : " JOIN ");
            table(join.table(), out);
            out.append(" ON ");
            expressions.expression(join.on(), out);
        }
        if (s.where() != null) {
            out.append(" WHERE ");
            expressions.expression(s.where(), out);
        }
        if (!s.orderBy().isEmpty()) {
            out.append(" ORDER BY ");
            for (int i = 0; i < s.orderBy().size(); i++) {
                if (i > 0) out.append(", ");
                expressions.expression(s.orderBy().get(i).expression(), out);
                if (s.orderBy().get(i).descending()) out.append(" DESC");
            }
        }
        if (s.limit() != null || s.offset() != null) {
            dialect.paging().limitOffset(s.limit(), s.offset(), out);
        }
    }

    private void table(TableRef table, SqlOutput out) {
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
