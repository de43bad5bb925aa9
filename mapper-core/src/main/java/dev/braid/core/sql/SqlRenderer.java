package dev.braid.core.sql;

import dev.braid.core.error.Require;
import dev.braid.core.query.LikePattern;
import dev.braid.core.sql.SqlExpression.Column;
import dev.braid.core.sql.SqlExpression.Comparison;
import dev.braid.core.sql.SqlExpression.CountAll;
import dev.braid.core.sql.SqlExpression.InList;
import dev.braid.core.sql.SqlExpression.Junction;
import dev.braid.core.sql.SqlExpression.Like;
import dev.braid.core.sql.SqlExpression.Negation;
import dev.braid.core.sql.SqlExpression.NullCheck;
import dev.braid.core.sql.SqlExpression.One;
import dev.braid.core.sql.SqlExpression.Parameter;
import dev.braid.core.sql.dialect.Dialect;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders the SQL model to text and ordered binds for one dialect. Pure: no connection, no I/O, so
 * any statement can be shown before (or without) running it.
 */
public final class SqlRenderer {
    private final Dialect dialect;

    public SqlRenderer(Dialect dialect) {
        this.dialect = Require.nonNull(dialect, "dialect");
    }

    public Dialect dialect() {
        return dialect;
    }

    public RenderedSql render(SqlStatement statement) {
        Output out = new Output();
        if (statement instanceof SqlStatement.Select s) {
            select(s, out);
        } else if (statement instanceof SqlStatement.Insert i) {
            insert(i, out);
        } else if (statement instanceof SqlStatement.InsertFromArrays i) {
            insertFromArrays(i, out);
        } else if (statement instanceof SqlStatement.UpdateFromArrays u && !dialect.supportsArrayBatches()) {
            mergeFromValues(u, out);
        } else if (statement instanceof SqlStatement.UpdateFromArrays u) {
            String v = "braid_v";
            out.sql.append("UPDATE ").append(id(u.table())).append(" SET ");
            for (int i = 0; i < u.setColumns().size(); i++) {
                if (i > 0) out.sql.append(", ");
                out.sql.append(id(u.setColumns().get(i))).append(" = ").append(v).append('.').append(id(u.setColumns().get(i)));
            }
            out.sql.append(" FROM ");
            unnest(u.arrays(), u.arrayTypes(), out);
            out.sql.append(" AS ").append(v).append(" (").append(id(u.keyColumn()));
            for (String c : u.setColumns()) out.sql.append(", ").append(id(c));
            out.sql.append(") WHERE ").append(id(u.table())).append('.').append(id(u.keyColumn())).append(" = ")
                    .append(v).append('.').append(id(u.keyColumn()));
        } else if (statement instanceof SqlStatement.DeleteFromArrays d) {
            if (dialect.supportsArrayBatches() && d.columns().size() == 1) {
                // = ANY uses the column's index; IN (SELECT * FROM unnest(...)) may be planned as a hash join over the table.
                out.sql.append("DELETE FROM ").append(id(d.table())).append(" WHERE ").append(id(d.columns().get(0)))
                        .append(" = ANY(");
                out.bind(d.arrays().get(0).value(), d.arrays().get(0).type(), dialect);
                out.sql.append("::").append(d.arrayTypes().get(0)).append("[])");
            } else if (dialect.supportsArrayBatches()) {
                out.sql.append("DELETE FROM ").append(id(d.table())).append(" WHERE (").append(idList(d.columns()))
                        .append(") IN (SELECT * FROM ");
                unnest(d.arrays(), d.arrayTypes(), out);
                out.sql.append(')');
            } else {
                deleteByInList(d, out);
            }
        } else if (statement instanceof SqlStatement.Update u) {
            update(u, out);
        } else if (statement instanceof SqlStatement.Delete d) {
            delete(d, out);
        } else if (statement instanceof SqlStatement.CreateTable c) {
            createTable(c, out);
        } else if (statement instanceof SqlStatement.CreateIndex c) {
            createIndex(c, out);
        } else if (statement instanceof SqlStatement.DropTable d) {
            out.sql.append("DROP TABLE ").append(d.ifExists() ? "IF EXISTS " : "").append(id(d.table()))
                    .append(d.cascade() ? " CASCADE" : "");
        } else if (statement instanceof SqlStatement.AddForeignKey a) {
            SqlStatement.ForeignKeyConstraint fk = a.constraint();
            // PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: an anonymous block ignores a duplicate instead.
            boolean guarded = a.ifNotExists() && !dialect.supportsAddConstraintIfNotExists();
            if (guarded) out.sql.append("DO $$ BEGIN ");
            out.sql.append("ALTER TABLE ").append(id(a.table())).append(" ADD CONSTRAINT ")
                    .append(a.ifNotExists() && !guarded ? "IF NOT EXISTS " : "").append(id(fk.name()))
                    .append(" FOREIGN KEY (").append(idList(fk.columns())).append(") REFERENCES ")
                    .append(id(fk.referencedTable())).append(" (").append(idList(fk.referencedColumns())).append(')')
                    .append(fk.onDeleteCascade() ? " ON DELETE CASCADE" : "");
            if (guarded) out.sql.append("; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        } else {
            throw dev.braid.core.error.Require.bug("Unknown statement " + statement);
        }
        return new RenderedSql(out.sql.toString(), out.binds);
    }

    private void select(SqlStatement.Select s, Output out) {
        out.sql.append("SELECT ");
        for (int i = 0; i < s.columns().size(); i++) {
            if (i > 0) out.sql.append(", ");
            expression(s.columns().get(i), out);
        }
        out.sql.append(" FROM ");
        table(s.from(), out);
        for (SqlStatement.Join join : s.joins()) {
            out.sql.append(join.leftOuter() ? " LEFT OUTER JOIN " : " JOIN ");
            table(join.table(), out);
            out.sql.append(" ON ");
            expression(join.on(), out);
        }
        if (s.where() != null) {
            out.sql.append(" WHERE ");
            expression(s.where(), out);
        }
        if (!s.orderBy().isEmpty()) {
            out.sql.append(" ORDER BY ");
            for (int i = 0; i < s.orderBy().size(); i++) {
                if (i > 0) out.sql.append(", ");
                expression(s.orderBy().get(i).expression(), out);
                if (s.orderBy().get(i).descending()) out.sql.append(" DESC");
            }
        }
        if (s.limit() != null) {
            out.sql.append(" LIMIT ");
            out.bind(s.limit(), Long.class, dialect);
        }
        if (s.offset() != null) {
            out.sql.append(" OFFSET ");
            out.bind(s.offset(), Long.class, dialect);
        }
    }

    private void insertFromArrays(SqlStatement.InsertFromArrays i, Output out) {
        boolean finalTable = !i.returning().isEmpty() && dialect.generatedKeys() == Dialect.GeneratedKeys.FINAL_TABLE;
        if (finalTable) {
            out.sql.append("SELECT ").append(idList(i.returning())).append(" FROM FINAL TABLE (");
        }
        out.sql.append("INSERT INTO ").append(id(i.table())).append(" (").append(idList(i.columns())).append(") ");
        if (dialect.supportsArrayBatches()) {
            out.sql.append("SELECT * FROM ");
            unnest(i.arrays(), i.arrayTypes(), out);
        } else {
            // H2: multi-row VALUES, one marker per value (its array binds cannot carry NULL elements)
            valuesRows(i.arrays(), out);
        }
        if (finalTable) {
            out.sql.append(')');
        } else if (!i.returning().isEmpty()) {
            out.sql.append(" RETURNING ").append(idList(i.returning()));
        }
    }

    /**
     * H2: an UPDATE of many rows by key as {@code MERGE INTO t USING (VALUES ($1, $2), ...) AS braid_v (id, c)
     * ON t.id = braid_v.id WHEN MATCHED THEN UPDATE SET c = braid_v.c}, one marker per value.
     */
    private void mergeFromValues(SqlStatement.UpdateFromArrays u, Output out) {
        if (!dialect.batchesUpdatesAsMerge()) {
            throw dev.braid.core.error.Require.bug(dialect + " cannot update many rows in one statement: " + u.table());
        }
        String v = "braid_v";
        out.sql.append("MERGE INTO ").append(id(u.table())).append(" USING (");
        valuesRows(u.arrays(), out);
        out.sql.append(") AS ").append(v).append(" (").append(id(u.keyColumn()));
        for (String c : u.setColumns()) out.sql.append(", ").append(id(c));
        out.sql.append(") ON ").append(id(u.table())).append('.').append(id(u.keyColumn())).append(" = ")
                .append(v).append('.').append(id(u.keyColumn())).append(" WHEN MATCHED THEN UPDATE SET ");
        for (int i = 0; i < u.setColumns().size(); i++) {
            if (i > 0) out.sql.append(", ");
            out.sql.append(id(u.setColumns().get(i))).append(" = ").append(v).append('.').append(id(u.setColumns().get(i)));
        }
    }

    /** {@code VALUES ($1, $2), ($3, $4), ...}: row i of the arrays as tuple i, one marker per value. */
    private void valuesRows(List<SqlExpression.Parameter> columnArrays, Output out) {
        out.sql.append("VALUES ");
        int columns = columnArrays.size();
        Object[][] arrays = new Object[columns][];
        Class<?>[] types = new Class<?>[columns];
        for (int c = 0; c < columns; c++) {
            arrays[c] = (Object[]) columnArrays.get(c).value();
            types[c] = arrays[c].getClass().getComponentType();
        }
        int rows = columns == 0 ? 0 : arrays[0].length;
        for (int row = 0; row < rows; row++) {
            out.sql.append(row > 0 ? ", (" : "(");
            for (int c = 0; c < columns; c++) {
                if (c > 0) out.sql.append(", ");
                out.bind(arrays[c][row], types[c], dialect);
            }
            out.sql.append(')');
        }
    }

    /** H2: {@code DELETE FROM t WHERE id IN ($1, ..., $n)}, single-column keys only. */
    private void deleteByInList(SqlStatement.DeleteFromArrays d, Output out) {
        if (d.columns().size() != 1) {
            throw dev.braid.core.error.Require.bug("An IN-list DELETE takes a single key column, not " + d.columns());
        }
        Object[] keys = (Object[]) d.arrays().get(0).value();
        Class<?> type = keys.getClass().getComponentType();
        out.sql.append("DELETE FROM ").append(id(d.table())).append(" WHERE ").append(id(d.columns().get(0))).append(" IN (");
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) out.sql.append(", ");
            out.bind(keys[i], type, dialect);
        }
        out.sql.append(')');
    }

    private void unnest(List<SqlExpression.Parameter> arrays, List<String> types, Output out) {
        out.sql.append("unnest(");
        for (int i = 0; i < arrays.size(); i++) {
            if (i > 0) out.sql.append(", ");
            out.bind(arrays.get(i).value(), arrays.get(i).type(), dialect);
            out.sql.append("::").append(types.get(i)).append("[]");
        }
        out.sql.append(')');
    }

    private void table(TableRef table, Output out) {
        if (table.keys() != null) {
            TableRef.KeyArray keys = table.keys();
            out.sql.append("TABLE(").append(id(keys.column())).append(' ').append(keys.sqlType()).append(" = ");
            out.bind(keys.values(), keys.values().getClass(), dialect);
            out.sql.append(") ").append(id(table.alias()));
            return;
        }
        if (table.subquery() != null) {
            out.sql.append('(');
            select(table.subquery(), out);
            out.sql.append(") ").append(id(table.alias()));
            return;
        }
        out.sql.append(id(table.name()));
        if (table.alias() != null) {
            out.sql.append(' ').append(id(table.alias()));
        }
    }

    private void insert(SqlStatement.Insert insert, Output out) {
        boolean finalTable = !insert.returning().isEmpty()
                && dialect.generatedKeys() == Dialect.GeneratedKeys.FINAL_TABLE;
        if (finalTable) {
            out.sql.append("SELECT ").append(idList(insert.returning())).append(" FROM FINAL TABLE (");
        }
        out.sql.append("INSERT INTO ").append(id(insert.table()));
        if (insert.columns().isEmpty()) {
            out.sql.append(" DEFAULT VALUES");
        } else {
            out.sql.append(" (").append(idList(insert.columns())).append(") VALUES (");
            for (int i = 0; i < insert.values().size(); i++) {
                if (i > 0) out.sql.append(", ");
                expression(insert.values().get(i), out);
            }
            out.sql.append(')');
        }
        if (finalTable) {
            out.sql.append(')');
        } else if (!insert.returning().isEmpty()) {
            out.sql.append(" RETURNING ").append(idList(insert.returning()));
        }
    }

    private void update(SqlStatement.Update update, Output out) {
        out.sql.append("UPDATE ").append(id(update.table())).append(" SET ");
        for (int i = 0; i < update.assignments().size(); i++) {
            if (i > 0) out.sql.append(", ");
            out.sql.append(id(update.assignments().get(i).column())).append(" = ");
            expression(update.assignments().get(i).value(), out);
        }
        out.sql.append(" WHERE ");
        expression(update.where(), out);
    }

    private void delete(SqlStatement.Delete delete, Output out) {
        boolean oldTable = !delete.returning().isEmpty() && dialect.generatedKeys() == Dialect.GeneratedKeys.FINAL_TABLE;
        if (oldTable) {
            out.sql.append("SELECT ").append(idList(delete.returning())).append(" FROM OLD TABLE (");
        }
        out.sql.append("DELETE FROM ").append(id(delete.table())).append(" WHERE ");
        expression(delete.where(), out);
        if (oldTable) {
            out.sql.append(')');
        } else if (!delete.returning().isEmpty()) {
            out.sql.append(" RETURNING ").append(idList(delete.returning()));
        }
    }

    private void createTable(SqlStatement.CreateTable create, Output out) {
        out.sql.append("CREATE TABLE ").append(create.ifNotExists() ? "IF NOT EXISTS " : "")
                .append(id(create.table())).append(" (");
        List<String> parts = new ArrayList<>();
        for (SqlStatement.ColumnDefinition c : create.columns()) {
            StringBuilder column = new StringBuilder(id(c.name())).append(' ')
                    .append(dialect.typeName(c.type(), c.length(), c.precision(), c.scale()));
            if (c.identity()) {
                column.append(" GENERATED BY DEFAULT AS IDENTITY");
            } else if (!c.nullable()) {
                column.append(" NOT NULL");
            }
            parts.add(column.toString());
        }
        if (!create.primaryKey().isEmpty()) {
            parts.add("PRIMARY KEY (" + idList(create.primaryKey()) + ")");
        }
        for (SqlStatement.UniqueConstraint u : create.uniques()) {
            parts.add("CONSTRAINT " + id(u.name()) + " UNIQUE (" + idList(u.columns()) + ")");
        }
        for (SqlStatement.ForeignKeyConstraint fk : create.foreignKeys()) {
            parts.add("CONSTRAINT " + id(fk.name()) + " FOREIGN KEY (" + idList(fk.columns()) + ") REFERENCES "
                    + id(fk.referencedTable()) + " (" + idList(fk.referencedColumns()) + ")"
                    + (fk.onDeleteCascade() ? " ON DELETE CASCADE" : ""));
        }
        out.sql.append(String.join(", ", parts)).append(')');
    }

    private void createIndex(SqlStatement.CreateIndex index, Output out) {
        out.sql.append("CREATE INDEX ").append(index.ifNotExists() ? "IF NOT EXISTS " : "")
                .append(id(index.name())).append(" ON ").append(id(index.table()))
                .append(" (").append(idList(index.columns())).append(')');
    }

    private void expression(SqlExpression e, Output out) {
        if (e instanceof Column c) {
            if (c.qualifier() != null) out.sql.append(id(c.qualifier())).append('.');
            out.sql.append(id(c.name()));
        } else if (e instanceof Parameter p) {
            out.bind(p.value(), p.type(), dialect);
        } else if (e instanceof Comparison c) {
            expression(c.left(), out);
            out.sql.append(' ').append(c.operator()).append(' ');
            expression(c.right(), out);
        } else if (e instanceof InList in) {
            inList(in, out);
        } else if (e instanceof NullCheck n) {
            expression(n.operand(), out);
            out.sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Like like) {
            expression(like.operand(), out);
            out.sql.append(" LIKE ");
            expression(like.pattern(), out);
            out.sql.append(" ESCAPE '").append(LikePattern.ESCAPE).append('\'');
        } else if (e instanceof Junction j) {
            junction(j, out);
        } else if (e instanceof Negation n) {
            out.sql.append("NOT (");
            expression(n.operand(), out);
            out.sql.append(')');
        } else if (e instanceof SqlExpression.Exists exists) {
            out.sql.append("EXISTS (");
            select(exists.subquery(), out);
            out.sql.append(')');
        } else if (e instanceof CountAll) {
            out.sql.append("COUNT(*)");
        } else if (e instanceof One) {
            out.sql.append('1');
        } else {
            throw dev.braid.core.error.Require.bug("Unknown expression " + e);
        }
    }

    private void inList(InList in, Output out) {
        if (in.values().isEmpty()) {
            out.sql.append("1 = 0"); // IN () is not valid SQL; an empty list matches nothing
            return;
        }
        // byte[] values cannot travel as an array of arrays: bind them one by one.
        if (in.values().size() > dialect.inListArrayThreshold() && in.elementType() != byte[].class) {
            anyOfArrays(in, out);
        } else {
            expression(in.operand(), out);
            out.sql.append(" IN (");
            for (int i = 0; i < in.values().size(); i++) {
                if (i > 0) out.sql.append(", ");
                out.bind(in.values().get(i), in.elementType(), dialect);
            }
            out.sql.append(')');
        }
    }

    /** {@code x = ANY($1)}, or {@code (x = ANY($1) OR x = ANY($2))} for more values than one array may hold. */
    private void anyOfArrays(InList in, Output out) {
        int size = in.values().size();
        int max = dialect.maxArrayLength();
        if (size > max) out.sql.append('(');
        for (int from = 0; from < size; from += max) {
            if (from > 0) out.sql.append(" OR ");
            expression(in.operand(), out);
            Parameter array = Parameter.array(in.elementType(), in.values().subList(from, Math.min(size, from + max)));
            out.sql.append(" = ANY(");
            out.bind(array.value(), array.type(), dialect);
            out.sql.append(')');
        }
        if (size > max) out.sql.append(')');
    }

    private void junction(Junction j, Output out) {
        if (j.operands().isEmpty()) {
            out.sql.append(j.conjunction() ? "1 = 1" : "1 = 0");
            return;
        }
        if (j.operands().size() == 1) {
            expression(j.operands().get(0), out);
            return;
        }
        String separator = j.conjunction() ? " AND " : " OR ";
        for (int i = 0; i < j.operands().size(); i++) {
            if (i > 0) out.sql.append(separator);
            SqlExpression operand = j.operands().get(i);
            boolean parenthesize = operand instanceof Junction inner && inner.conjunction() != j.conjunction()
                    && inner.operands().size() > 1;
            if (parenthesize) out.sql.append('(');
            expression(operand, out);
            if (parenthesize) out.sql.append(')');
        }
    }

    private String id(String name) {
        return dialect.identifier(name);
    }

    private String idList(List<String> names) {
        return names.stream().map(this::id).collect(Collectors.joining(", "));
    }

    private static final class Output {
        final StringBuilder sql = new StringBuilder(128);
        final List<Bind> binds = new ArrayList<>();

        void bind(Object value, Class<?> type, Dialect dialect) {
            binds.add(new Bind(value, type));
            sql.append(dialect.bindMarker(binds.size()));
        }
    }
}
