package dev.braid.core.internal.plan.raw;

import dev.braid.core.internal.meta.Boxing;
import dev.braid.core.internal.meta.ValueType;
import dev.braid.core.internal.meta.ValueTypes;
import dev.braid.core.internal.util.Require;
import dev.braid.dialect.Dialect;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw SQL text with the values bound to its parameters so far; immutable (each bind returns a new
 * statement). Values are converted as Braid stores them (enums by name, {@code Instant} as a UTC
 * {@code OffsetDateTime}); a {@code Collection} expands into one marker per element ({@code IN (:ids)}),
 * while an array travels as one array value ({@code = ANY(:ids)} on PostgreSQL). Rendering writes the
 * dialect's markers in place of the parameters, in order, one bind per marker, so the user writes one
 * style on every database.
 */
public final class RawStatement {
    private final SqlText text;
    private final Map<Object, Value> values; // by name (String) or index (Integer)

    private RawStatement(SqlText text, Map<Object, Value> values) {
        this.text = text;
        this.values = values;
    }

    /** A statement over {@code sql} with nothing bound; errors in the text are reported here. */
    public static RawStatement parse(String sql) {
        return new RawStatement(SqlText.parse(sql), Map.of());
    }

    /** The parsed text. */
    public SqlText text() {
        return text;
    }

    /** Binds {@code value} (not null: see {@link #bindNull(String, Class)}) to every {@code :name}. */
    public RawStatement bind(String name, Object value) {
        Require.nonNull(name, "name");
        requireNamed(name);
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "bind(\"" + name + "\", null) for " + quoted()
                    + ": a NULL needs a type for the driver. Fix: bindNull(\"" + name + "\", TheType.class)");
        }
        return with(name, Value.of(value, ":" + name));
    }

    /** Binds {@code value} to the {@code ?} at 0-based {@code index}. */
    public RawStatement bind(int index, Object value) {
        requirePositional(index);
        if (value == null) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "bind(" + index + ", null) for " + quoted()
                    + ": a NULL needs a type for the driver. Fix: bindNull(" + index + ", TheType.class)");
        }
        return with(index, Value.of(value, "?#" + index));
    }

    /** Binds SQL NULL of {@code type} (a Java type Braid maps, or a driver type) to every {@code :name}. */
    public RawStatement bindNull(String name, Class<?> type) {
        Require.nonNull(name, "name");
        Require.nonNull(type, "type");
        requireNamed(name);
        return with(name, Value.ofNull(type));
    }

    /** Binds SQL NULL of {@code type} to the {@code ?} at 0-based {@code index}. */
    public RawStatement bindNull(int index, Class<?> type) {
        Require.nonNull(type, "type");
        requirePositional(index);
        return with(index, Value.ofNull(type));
    }

    private RawStatement with(Object key, Value value) {
        Map<Object, Value> copy = new HashMap<>(values);
        copy.put(key, value);
        return new RawStatement(text, copy);
    }

    private void requireNamed(String name) {
        List<String> names = text.names();
        if (names.contains(name)) return;
        String has = text.positionalCount() > 0 ? "uses positional ? parameters (bind them with bind(index, value))"
                : names.isEmpty() ? "has no parameters" : "has the parameters " + labels(names);
        throw new MapperException(ErrorCode.BRAID_QUERY, "bind(\"" + name + "\", ...): " + quoted() + " has no"
                + " parameter :" + name + "; it " + has + ". Fix: bind a parameter the text uses, or add :" + name
                + " to the text");
    }

    private void requirePositional(int index) {
        int count = text.positionalCount();
        if (index >= 0 && index < count) return;
        String has = !text.names().isEmpty() ? "uses named parameters " + labels(text.names())
                + " (bind them with bind(\"name\", value))"
                : count == 0 ? "has no parameters" : "has " + count + " ? parameter(s), indexes 0 to " + (count - 1);
        throw new MapperException(ErrorCode.BRAID_QUERY, "bind(" + index + ", ...): " + quoted() + " has no ? at"
                + " index " + index + " (indexes start at 0); it " + has + ". Fix: bind a parameter the text uses");
    }

    private static String labels(List<String> names) {
        return names.stream().map(n -> ":" + n).toList().toString();
    }

    /**
     * The statement with the dialect's markers and one bind per marker, in order.
     *
     * @throws MapperException {@code BRAID_QUERY} naming every parameter not bound yet
     */
    public RenderedSql render(Dialect dialect, StatementOrigin origin) {
        List<String> unbound = new ArrayList<>();
        for (SqlText.Part part : text.parts()) {
            if (part instanceof SqlText.Parameter p && !values.containsKey(key(p)) && !unbound.contains(p.label())) {
                unbound.add(p.label());
            }
        }
        if (!unbound.isEmpty()) {
            throw new MapperException(ErrorCode.BRAID_QUERY, quoted() + " has unbound parameter(s) " + unbound
                    + ". Fix: bind each before running it (" + (text.namedStyle() ? "bind(\"name\", value)"
                    : "bind(index, value), indexes from 0") + ", bindNull(..., Type.class) for NULL)");
        }
        StringBuilder sql = new StringBuilder(text.source().length() + 16);
        List<Bind> binds = new ArrayList<>();
        for (SqlText.Part part : text.parts()) {
            if (part instanceof SqlText.Text t) {
                sql.append(t.sql());
                continue;
            }
            Value value = values.get(key((SqlText.Parameter) part));
            for (int i = 0; i < value.binds().size(); i++) {
                if (i > 0) sql.append(", ");
                binds.add(value.binds().get(i));
                sql.append(dialect.bindMarker(binds.size()));
            }
        }
        return new RenderedSql(sql.toString(), binds, origin);
    }

    private static Object key(SqlText.Parameter p) {
        return p.named() ? p.name() : (Object) p.index();
    }

    /** The text as messages quote it. */
    public String quoted() {
        String oneLine = text.source().replaceAll("\\s+", " ").trim();
        return "\"" + (oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine) + "\"";
    }

    /** The driver values a parameter stands for: one, or one per element of a bound collection. */
    private record Value(List<Bind> binds) {
        static Value of(Object javaValue, String label) {
            if (javaValue instanceof Collection<?> elements) {
                if (elements.isEmpty()) {
                    throw new MapperException(ErrorCode.BRAID_QUERY, "The collection bound to " + label + " is empty,"
                            + " and IN () is not SQL. Fix: skip the query when there are no values (it would match"
                            + " nothing), or bind a non-empty collection");
                }
                List<Bind> binds = new ArrayList<>(elements.size());
                int position = 0;
                for (Object element : elements) {
                    if (element == null) {
                        throw new MapperException(ErrorCode.BRAID_QUERY, "The collection bound to " + label
                                + " holds null (element " + position + "), and IN never matches NULL. Fix: leave the"
                                + " nulls out and test IS NULL separately");
                    }
                    binds.add(driverValue(element));
                    position++;
                }
                return new Value(List.copyOf(binds));
            }
            return new Value(List.of(driverValue(javaValue)));
        }

        static Value ofNull(Class<?> type) {
            Class<?> boxed = Boxing.boxed(type);
            Class<?> driverType = ValueTypes.forClass(boxed).map(ValueType::databaseClass).orElse(boxed);
            return new Value(List.of(new Bind(null, driverType)));
        }

        private static Bind driverValue(Object javaValue) {
            // An enum constant with a body is an instance of a subclass: look its enum up.
            Class<?> javaClass = javaValue instanceof Enum<?> e ? e.getDeclaringClass() : javaValue.getClass();
            ValueType type = ValueTypes.forClass(javaClass).orElse(null);
            if (type == null) return new Bind(javaValue, javaValue.getClass()); // a driver type (arrays, JSON, ...)
            return new Bind(type.toDatabase(javaValue), type.databaseClass());
        }
    }
}
