package dev.braid.reactive;

import dev.braid.reactive.model.Models;
import dev.braid.testkit.DatabaseTestBase;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A mapper over the test class's pooled, recording database with a fresh schema before every test,
 * plus raw R2DBC helpers that check database contents without going through Braid.
 */
abstract class MapperTestBase extends DatabaseTestBase {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    Mapper mapper;

    boolean postgres() {
        return database().name().equals("postgresql");
    }

    /** The test database's name: {@code h2}, {@code postgresql} or {@code mariadb}. */
    String dialect() {
        return database().name();
    }

    boolean mariadb() {
        return database().name().equals("mariadb");
    }

    boolean h2() {
        return database().name().equals("h2");
    }

    /**
     * Raw SQL written with {@code $n} markers, as this database's driver binds them ({@code ?} on MariaDB). Expected
     * statements need no conversion: the recorder reports MariaDB's {@code ?} markers numbered ({@code $1, $2, ...}).
     */
    String sql(String text) {
        return mariadb() ? text.replaceAll("\\$\\d+", "?") : text;
    }

    /**
     * An expected statement's LIKE escape clause as this database's dialect writes it: MariaDB reads a backslash in a
     * string literal as an escape, so {@code ESCAPE '\'} is written {@code ESCAPE '\\'} there.
     */
    String escaped(String statement) {
        return mariadb() ? statement.replace("ESCAPE '\\'", "ESCAPE '\\\\'") : statement;
    }

    /** Each of {@code statements} through {@link #escaped(String)}. */
    List<String> escaped(List<String> statements) {
        return statements.stream().map(this::escaped).toList();
    }

    /** Each of {@code statements} through {@link #sql(String)}. */
    java.util.List<String> sql(java.util.List<String> statements) {
        return statements.stream().map(this::sql).toList();
    }

    /** An identifier as this database's dialect quotes it where it must ({@code "order"} on H2, {@code `order`} on MariaDB). */
    String quoted(String name) {
        return mariadb() ? "`" + name + "`" : "\"" + name + "\"";
    }

    /** The mapping under test; subclasses for other models override it. */
    protected dev.braid.mapping.MappingRegistry registry() {
        return Models.registry();
    }

    @BeforeAll
    void createMapper() {
        mapper = Mapper.builder(pool(), registry()).build();
    }

    @BeforeEach
    void freshSchema() {
        mapper.schema().dropAll().then(mapper.schema().createAll()).block(TIMEOUT);
        recorder().clear();
    }

    /** Runs SQL directly (not through Braid, not recorded) and returns each row's columns. */
    List<List<Object>> rows(String sql, Object... binds) {
        return Flux.usingWhen(database().connectionFactory().create(),
                (Connection c) -> {
                    Statement statement = c.createStatement(sql(sql));
                    for (int i = 0; i < binds.length; i++) statement.bind(i, binds[i]);
                    return Flux.from(statement.execute()).concatMap(result -> result.map((row, meta) -> {
                        List<Object> values = new ArrayList<>();
                        for (int i = 0; i < meta.getColumnMetadatas().size(); i++) values.add(row.get(i));
                        return values;
                    }));
                },
                Connection::close)
                .collectList().block(TIMEOUT);
    }

    /** A single value from direct SQL. */
    Object value(String sql, Object... binds) {
        return rows(sql, binds).get(0).get(0);
    }

    /** The seed model's "groups" table as Braid writes it: a keyword in H2, quoted there. */
    String groupsTable() {
        return postgres() ? "groups" : quoted("groups");
    }

    long count(String table) {
        return ((Number) value("SELECT COUNT(*) FROM " + table)).longValue();
    }

    void execute(String sql) {
        execute(sql, TIMEOUT);
    }

    void execute(String sql, Duration timeout) {
        Mono.usingWhen(database().connectionFactory().create(),
                (Connection c) -> Flux.from(c.createStatement(sql(sql)).execute()).concatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(timeout);
    }

    /**
     * The statements of a batched insert of several rows with generated ids: on PostgreSQL a key
     * allocation and one INSERT over arrays; on H2 one multi-row VALUES insert returning the keys from FINAL TABLE,
     * on MariaDB with a RETURNING clause.
     */
    java.util.List<String> insertRows(String table, int rows, String columns, String values, String arrayColumns,
                                      String arrayTypes) {
        if (postgres()) {
            StringBuilder unnest = new StringBuilder();
            String[] types = arrayTypes.split(",\\s*");
            for (int i = 0; i < types.length; i++) {
                unnest.append(i > 0 ? ", " : "").append('$').append(i + 1).append("::").append(types[i]).append("[]");
            }
            return java.util.List.of("WITH braid_seq AS MATERIALIZED (SELECT pg_get_serial_sequence($1, $2)::regclass AS s)"
                            + " SELECT array_agg(nextval(braid_seq.s)) FROM braid_seq, generate_series(1, $3)",
                    "INSERT INTO " + table + " (" + arrayColumns + ") SELECT * FROM unnest(" + unnest + ")");
        }
        if (mariadb()) {
            return h2InsertRows(table, rows, columns, values,
                    "INSERT INTO " + table + " (" + columns + ") VALUES %s RETURNING id");
        }
        return h2InsertRows(table, rows, columns, values,
                "SELECT id FROM FINAL TABLE (INSERT INTO " + table + " (" + columns + ") VALUES %s)");
    }

    // One multi-row VALUES insert returning the keys: H2 and MariaDB; {@code template} holds %s for the tuples.
    private java.util.List<String> h2InsertRows(String table, int rows, String columns, String values, String template) {
        int width = values.split(",\\s*").length;
        StringBuilder tuples = new StringBuilder();
        for (int row = 0; row < rows; row++) {
            tuples.append(row > 0 ? ", (" : "(");
            for (int c = 0; c < width; c++) tuples.append(c > 0 ? ", $" : "$").append(row * width + c + 1);
            tuples.append(')');
        }
        return java.util.List.of(rows == 1 ? insertReturningId(table, columns, values)
                : template.formatted(tuples));
    }

    /** The statements of a batched delete of several rows by id: unnest on PostgreSQL, an IN list on H2 and MariaDB. */
    java.util.List<String> deleteRows(String table, int rows) {
        if (postgres()) {
            return java.util.List.of("DELETE FROM " + table + " WHERE id = ANY($1::bigint[])");
        }
        if (rows == 1) return java.util.List.of("DELETE FROM " + table + " WHERE id = $1");
        StringBuilder in = new StringBuilder("DELETE FROM " + table + " WHERE id IN (");
        for (int i = 1; i <= rows; i++) in.append(i > 1 ? ", $" : "$").append(i);
        return java.util.List.of(in.append(')').toString());
    }

    /** The INSERT text Braid sends for a generated id, per dialect. */
    String insertReturningId(String table, String columns, String values) {
        return postgres() || mariadb()
                ? "INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ") RETURNING id"
                : "SELECT id FROM FINAL TABLE (INSERT INTO " + table + " (" + columns + ") VALUES (" + values + "))";
    }
}
