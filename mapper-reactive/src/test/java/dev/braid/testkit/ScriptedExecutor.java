package dev.braid.testkit;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.internal.exec.ErrorTranslator;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A {@link StatementExecutor} that answers from a script instead of a database, for fast tests of session
 * and loader logic (after r2dbc-postgresql's {@code TestClient}). Expect statements in the order they must be
 * sent, by exact text or by prefix, each answered with rows or a row count:
 *
 * <pre>{@code
 * ScriptedExecutor db = ScriptedExecutor.of(Dialect.postgresql());
 * db.expect("SELECT authors.id, authors.name FROM authors").rows(row("id", 1L, "name", "Austen"));
 * db.expectPrefix("SELECT books.").binds((Object) new Long[] {1L}).rowValues(List.of(10L, "Emma", 1L));
 * ... run the session ...
 * db.verify(); // every expectation met, nothing unexpected sent
 * }</pre>
 *
 * A statement that does not match the next expectation fails (as the statement's error, and again in
 * {@link #verify()}) with a message showing what was sent, what was expected and what was sent before.
 * Thread-safe enough for one session at a time (statements on one connection are sequential).
 */
public final class ScriptedExecutor implements StatementExecutor {
    private final ErrorTranslator errors;
    private final Deque<Expectation> expected = new ArrayDeque<>();
    private final List<RenderedSql> sent = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private ScriptedExecutor(Dialect dialect) {
        this.errors = ErrorTranslator.of(dialect);
    }

    /** A scripted executor whose driver errors would be read as {@code dialect} reads them. */
    public static ScriptedExecutor of(Dialect dialect) {
        return new ScriptedExecutor(dialect);
    }

    /** Expects the next statement to be exactly {@code sql}; answer it with the returned expectation. */
    public synchronized Expectation expect(String sql) {
        Expectation e = new Expectation("exactly: " + sql, sql::equals);
        expected.add(e);
        return e;
    }

    /** Expects the next statement to start with {@code prefix}. */
    public synchronized Expectation expectPrefix(String prefix) {
        Expectation e = new Expectation("starting with: " + prefix, sql -> sql.startsWith(prefix));
        expected.add(e);
        return e;
    }

    /** The statements sent so far, in order. */
    public synchronized List<RenderedSql> sent() {
        return List.copyOf(sent);
    }

    /** Fails unless every expectation was met and no unexpected statement was sent. */
    public synchronized void verify() {
        List<String> all = new ArrayList<>(problems);
        if (!expected.isEmpty()) {
            StringBuilder missing = new StringBuilder(expected.size() + " expected statement(s) never sent:");
            for (Expectation e : expected) missing.append("\n  ").append(e.description);
            all.add(missing + "\nsent: " + describeSent());
        }
        if (!all.isEmpty()) throw new AssertionError(String.join("\n\n", all));
    }

    private String describeSent() {
        if (sent.isEmpty()) return "(nothing)";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sent.size(); i++) out.append("\n  #").append(i + 1).append(' ').append(sent.get(i).sql());
        return out.toString();
    }

    // The expectation the statement meets (removed from the script), or an AssertionError.
    private synchronized Expectation take(RenderedSql sql) {
        sent.add(sql);
        Expectation next = expected.peek();
        String problem = null;
        if (next == null) {
            problem = "Unexpected statement #" + sent.size() + " (the script is exhausted): " + sql.sql();
        } else if (!next.sql.test(sql.sql())) {
            problem = "Unexpected statement #" + sent.size() + ": " + sql.sql() + "\n  expected " + next.description;
        } else if (next.binds != null && !next.binds.test(sql.binds())) {
            problem = "Statement #" + sent.size() + " " + sql.sql() + " has unexpected binds " + describe(sql.binds());
        }
        if (problem != null) {
            problem += "\nsent before:" + describeSent();
            problems.add(problem);
            throw new AssertionError(problem);
        }
        return expected.poll();
    }

    private static String describe(List<Bind> binds) {
        List<String> out = new ArrayList<>();
        for (Bind b : binds) {
            Object v = b.value();
            out.add(v != null && v.getClass().isArray() ? arrayToString(v) : String.valueOf(v));
        }
        return out.toString();
    }

    private static String arrayToString(Object array) {
        Object[] boxed = new Object[Array.getLength(array)];
        for (int i = 0; i < boxed.length; i++) boxed[i] = Array.get(array, i);
        return Arrays.toString(boxed);
    }

    @Override
    public <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper) {
        return Flux.defer(() -> {
            Expectation e = take(sql);
            if (e.error != null) return Flux.error(errors.exception(e.error, sql.sql()));
            return Flux.fromIterable(e.rows).map(row -> mapper.apply(new ScriptedRow(row, sql, e.columns)));
        });
    }

    @Override
    public Mono<Long> consume(Connection connection, RenderedSql sql, Consumer<RowView> consumer, boolean bounded) {
        return query(connection, sql, row -> {
            consumer.accept(row);
            return Boolean.TRUE;
        }).count();
    }

    @Override
    public Mono<Long> update(Connection connection, RenderedSql sql) {
        return Mono.defer(() -> {
            Expectation e = take(sql);
            if (e.error != null) return Mono.error(errors.exception(e.error, sql.sql()));
            return Mono.just(e.count != null ? e.count : (long) e.rows.size());
        });
    }

    @Override
    public Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types) {
        return query(connection, sql, row -> {
            Object[] values = new Object[types.size()];
            for (int i = 0; i < values.length; i++) values[i] = row.get(i, types.get(i));
            return values;
        }).collectList();
    }

    @Override
    public ErrorTranslator errors() {
        return errors;
    }

    /** One expected statement and its answer (no rows and a count of 0 unless told otherwise). */
    public static final class Expectation {
        private final String description;
        private final Predicate<String> sql;
        private Predicate<List<Bind>> binds;
        private List<List<Object>> rows = List.of();
        private List<String> columns; // the column names, when the rows were given with them
        private Long count;
        private Throwable error;

        private Expectation(String description, Predicate<String> sql) {
            this.description = description;
            this.sql = sql;
        }

        /** Also expects the bound values to be {@code values} (arrays compared by content). */
        public Expectation binds(Object... values) {
            List<Object> wanted = Arrays.asList(values);
            this.binds = actual -> {
                if (actual.size() != wanted.size()) return false;
                for (int i = 0; i < wanted.size(); i++) {
                    if (!Arrays.deepEquals(new Object[] {actual.get(i).value()}, new Object[] {wanted.get(i)})) return false;
                }
                return true;
            };
            return this;
        }

        /** Answers with rows, each the column values in select-list order. */
        @SafeVarargs
        public final Expectation rowValues(List<Object>... rows) {
            this.rows = List.of(rows);
            return this;
        }

        /**
         * Answers with rows given as column name -> value, in select-list order (use ordered maps:
         * {@link #row(Object...)} makes one).
         */
        @SafeVarargs
        public final Expectation rows(Map<String, Object>... rows) {
            List<List<Object>> out = new ArrayList<>();
            for (Map<String, Object> row : rows) out.add(new ArrayList<>(row.values()));
            this.rows = out;
            this.columns = rows.length == 0 ? null : List.copyOf(rows[0].keySet());
            return this;
        }

        /** Answers with an empty result. */
        public Expectation noRows() {
            this.rows = List.of();
            return this;
        }

        /** Answers an INSERT, UPDATE or DELETE with {@code rows} affected. */
        public Expectation count(long rows) {
            this.count = rows;
            return this;
        }

        /** Fails the statement with this driver error, translated as the real executor translates it. */
        public Expectation fail(Throwable error) {
            this.error = error;
            return this;
        }
    }

    /** An ordered row from alternating column names and values: {@code row("id", 1L, "name", "Austen")}. */
    public static Map<String, Object> row(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("row(name, value, name, value, ...)");
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return row;
    }

    /** A scripted row: values converted between number types as a driver would. */
    private record ScriptedRow(List<Object> values, RenderedSql sql, List<String> columns) implements RowView {
        @Override
        public List<String> columnNames() {
            if (columns == null) {
                throw new AssertionError("The script answered " + sql.sql() + " with rowValues(...), which have no column"
                        + " names; answer it with rows(row(\"name\", value, ...)) to read it by name");
            }
            return columns;
        }

        @Override
        public <V> V get(int index, Class<V> type) {
            if (index >= values.size()) {
                throw new AssertionError("The script's row " + values + " has no column " + index + " for " + sql.sql());
            }
            Object v = values.get(index);
            if (v == null || type.isInstance(v)) return type.cast(v);
            if (v instanceof Number n) {
                if (type == Long.class) return type.cast(n.longValue());
                if (type == Integer.class) return type.cast(n.intValue());
                if (type == Short.class) return type.cast(n.shortValue());
                if (type == Double.class) return type.cast(n.doubleValue());
            }
            if (type == Object.class) return type.cast(v);
            throw new AssertionError("The script's value " + v + " (" + v.getClass().getSimpleName() + ") in column "
                    + index + " cannot be read as " + type.getSimpleName() + " for " + sql.sql());
        }
    }
}
