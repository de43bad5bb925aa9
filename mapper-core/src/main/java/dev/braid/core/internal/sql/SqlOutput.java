package dev.braid.core.internal.sql;

import dev.braid.statement.RenderedSql;
import dev.braid.statement.Bind;
import dev.braid.dialect.ArrayBind;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.SqlWriter;

import java.util.ArrayList;
import java.util.List;

/** The text and binds of one statement being rendered, markers numbered as values are bound. */
final class SqlOutput implements SqlWriter {
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder(128);
    private final List<Bind> binds = new ArrayList<>();

    SqlOutput(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public SqlOutput append(String text) {
        sql.append(text);
        return this;
    }

    @Override
    public SqlOutput append(char c) {
        sql.append(c);
        return this;
    }

    @Override
    public SqlOutput identifier(String name) {
        sql.append(dialect.identifier(name));
        return this;
    }

    @Override
    public SqlOutput bind(Object value, Class<?> type) {
        binds.add(new Bind(value, type));
        sql.append(dialect.bindMarker(binds.size()));
        return this;
    }

    /** Binds a value to a column of a JSON, array or enum type: the marker carries the dialect's cast. */
    SqlOutput bind(Object value, Class<?> type, dev.braid.dialect.SqlType sqlType) {
        if (sqlType == null) return bind(value, type);
        binds.add(new Bind(value, type));
        sql.append(dialect.types().bindMarker(sqlType, dialect.bindMarker(binds.size())));
        return this;
    }

    RenderedSql rendered() {
        return new RenderedSql(sql.toString(), binds);
    }

    /** The array parameters of a many-row statement with the SQL element types they are cast to. */
    static List<ArrayBind> arrays(List<SqlExpression.Parameter> arrays, List<String> elementTypes) {
        List<ArrayBind> out = new ArrayList<>(arrays.size());
        for (int i = 0; i < arrays.size(); i++) {
            SqlExpression.Parameter p = arrays.get(i);
            out.add(new ArrayBind(p.value(), p.type(), i < elementTypes.size() ? elementTypes.get(i) : null));
        }
        return out;
    }
}
