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

    /**
     * The qualifier of {@code column} in a query: its subclass table's name for a joined-table subclass column
     * (joined by {@link #subclassJoins}), else {@code qualifier}.
     */
    static String qualifier(EntityMapping entity, ColumnMapping column, String qualifier) {
        JoinedTables joined = entity.hierarchy() == null ? null : entity.hierarchy().joined();
        JoinedTables.Part part = joined == null ? null : joined.partOf(column);
        return part == null ? qualifier : part.table();
    }

    /**
     * A query over a subclass of a joined-table hierarchy joins its tables (parents first), so that filters
     * and orders on their columns work: {@code JOIN engineers ON engineers.id = employees.id}. The columns
     * themselves are read after the rows, as for every read of the hierarchy.
     */
    static List<SqlStatement.Join> subclassJoins(EntityMapping root, Class<?> queried, String rootAlias) {
        JoinedTables joined = root.hierarchy() == null ? null : root.hierarchy().joined();
        if (joined == null || queried == root.type()) return List.of();
        List<SqlStatement.Join> joins = new ArrayList<>();
        for (JoinedTables.Part part : joined.partsOf(queried)) {
            List<SqlExpression> on = new ArrayList<>();
            for (ColumnMapping id : root.idColumns()) {
                on.add(new SqlExpression.Comparison(new SqlExpression.Column(part.table(), id.column()), "=",
                        new SqlExpression.Column(rootAlias, id.column())));
            }
            joins.add(new SqlStatement.Join(TableRef.of(part.table()),
                    on.size() == 1 ? on.get(0) : new SqlExpression.Junction(true, on), false));
        }
        return joins;
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
