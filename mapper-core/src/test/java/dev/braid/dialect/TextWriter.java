package dev.braid.dialect;

import java.util.ArrayList;
import java.util.List;

/** A {@link SqlWriter} for capability tests: the text, and the bound values in marker order. */
final class TextWriter implements SqlWriter {
    private final Dialect dialect;
    private final StringBuilder sql = new StringBuilder();
    final List<Object> values = new ArrayList<>();
    final List<Class<?>> types = new ArrayList<>();

    TextWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public SqlWriter append(String text) { sql.append(text); return this; }

    @Override
    public SqlWriter append(char c) { sql.append(c); return this; }

    @Override
    public SqlWriter identifier(String name) { sql.append(dialect.identifier(name)); return this; }

    @Override
    public SqlWriter bind(Object value, Class<?> type) {
        values.add(value instanceof Object[] a ? java.util.Arrays.asList(a) : value);
        types.add(type);
        sql.append(dialect.bindMarker(values.size()));
        return this;
    }

    String sql() { return sql.toString(); }

    static ArrayBind longs(Long... values) { return new ArrayBind(values, Long[].class, "bigint"); }

    static ArrayBind strings(String... values) { return new ArrayBind(values, String[].class, "text"); }
}
