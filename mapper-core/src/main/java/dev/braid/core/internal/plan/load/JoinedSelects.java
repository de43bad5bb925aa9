package dev.braid.core.internal.plan.load;

import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.meta.JoinedTables;
import dev.braid.core.internal.sql.SqlExpression;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.core.internal.sql.SqlStatement;
import dev.braid.core.internal.sql.TableRef;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.List;

/**
 * The reads of a joined-table hierarchy (SQLAlchemy's {@code selectin_polymorphic}): a statement over the
 * base table selects {@code NULL} in the place of each subclass-table column (so that every statement keeps
 * the hierarchy's column positions), and after the rows, one statement per subclass table present in them
 * reads that table's columns for their keys: {@code SELECT id, language FROM engineers WHERE id = ANY($1)}.
 */
final class JoinedSelects {
    // The key table's alias, as for selectin loads.
    private static final String KEY_TABLE = "braid_keys";

    private JoinedSelects() {}

    /** The select-list entry of {@code column}: the column itself, or NULL for a subclass-table column. */
    static SqlExpression column(EntityMapping entity, ColumnMapping column, String qualifier) {
        boolean elsewhere = entity.hierarchy() != null && entity.hierarchy().joined() != null
                && entity.hierarchy().joined().inSubclassTable(column);
        return elsewhere ? new SqlExpression.Aliased(new SqlExpression.NullValue(), column.column())
                : new SqlExpression.Column(qualifier, column.column());
    }

    /** The key and the own columns of {@code part}'s table for the rows with {@code keys} (one key column). */
    static RenderedSql subclassRows(SqlRenderer renderer, EntityMapping entity, JoinedTables.Part part, List<Object> keys) {
        ColumnMapping id = entity.idColumns().get(0);
        String table = part.table();
        List<SqlExpression> columns = new ArrayList<>();
        SqlExpression.Column key = new SqlExpression.Column(table, id.column());
        columns.add(key);
        for (ColumnMapping c : part.columns()) columns.add(new SqlExpression.Column(table, c.column()));
        Class<?> keyType = id.type().databaseClass();
        TableRef from = TableRef.of(table);
        List<SqlStatement.Join> joins = new ArrayList<>();
        SqlExpression where = null;
        if (renderer.dialect().inLists().keyTable().isPresent() && keyType != byte[].class) {
            Object array = SqlExpression.Parameter.array(keyType, keys).value();
            String sqlType = renderer.dialect().arrayElementType(id.type().columnType());
            joins.add(new SqlStatement.Join(from, new SqlExpression.Comparison(key, "=",
                    new SqlExpression.Column(KEY_TABLE, "k")), false));
            from = TableRef.keys(new TableRef.KeyArray("k", sqlType, array), KEY_TABLE);
        } else {
            where = new SqlExpression.InList(key, keys, keyType);
        }
        SqlStatement.Select select = new SqlStatement.Select(columns, from, joins, where, List.of(), null, null);
        return renderer.render(select).withOrigin(StatementOrigin.of(StatementOrigin.Kind.QUERY, part.type()));
    }
}
