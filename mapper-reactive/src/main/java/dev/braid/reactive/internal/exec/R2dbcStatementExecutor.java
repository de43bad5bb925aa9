package dev.braid.reactive.internal.exec;

import dev.braid.error.DatabaseException;
import dev.braid.core.internal.util.Require;
import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.ColumnMapping;
import dev.braid.mapping.MappingRegistry;
import dev.braid.statement.Bind;
import dev.braid.statement.RenderedSql;
import dev.braid.dialect.Dialect;
import dev.braid.dialect.ValueAdapter;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The {@link StatementExecutor} over R2DBC: binds every value by position, streams rows through a mapping
 * function, logs the statement with its timing and translates driver errors.
 */
public final class R2dbcStatementExecutor implements StatementExecutor {
    private final int fetchSize;
    private final BiFunction<String, String, String> attributes;
    private final ErrorTranslator errors;
    private final ValueAdapter values;

    /**
     * @param fetchSize rows per fetch for queries (0: driver default)
     * @param registry  names the mapped attribute ({@code Account.email}) in constraint and value errors whose
     *                  driver named the table and column; null for none
     * @param dialect   classifies driver errors (SQLSTATEs, message texts)
     */
    public R2dbcStatementExecutor(int fetchSize, MappingRegistry registry, Dialect dialect) {
        this.fetchSize = fetchSize;
        this.attributes = registry == null ? (table, column) -> null
                : (table, column) -> registry.columnAt(table, column).map(ColumnMapping::qualifiedName).orElse(null);
        this.errors = ErrorTranslator.of(Require.nonNull(dialect, "dialect"));
        this.values = dialect.values();
    }

    @Override
    public ErrorTranslator errors() {
        return errors;
    }

    /** The Braid exception for a driver error of {@code sql}, naming the attribute where the registry can. */
    private Throwable translate(Throwable error, RenderedSql sql) {
        if (error instanceof R2dbcException r2dbc) {
            DatabaseException detailed = DetailedErrors.translate(r2dbc, sql.sql(), sql.binds(), attributes,
                    errors.errors());
            if (detailed != null) return detailed;
        }
        return errors.exception(error, sql.sql());
    }

    @Override
    public <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper) {
        return query(connection, sql, mapper, fetchSize);
    }

    @Override
    public Mono<Long> consume(Connection connection, RenderedSql sql, java.util.function.Consumer<RowView> consumer,
                              boolean bounded) {
        // collect, not count() or then(): those call a discard hook (and look the context up) per row.
        return query(connection, sql, row -> {
            consumer.accept(row);
            return Boolean.TRUE;
        }, bounded ? 0 : fetchSize).collect(() -> new long[1], (rows, row) -> rows[0]++).map(rows -> rows[0]);
    }

    private <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper, int fetchSize) {
        return StatementFence.read(sql, Flux.defer(() -> {
            Statement statement = prepare(connection, sql);
            if (fetchSize > 0) {
                statement.fetchSize(fetchSize);
            }
            R2dbcRowView view = new R2dbcRowView(values);
            if (!SqlLog.enabled()) {
                // Nothing to log: no clock, no row counter, no extra operators for every row.
                return Flux.from(statement.execute()).concatMap(result -> result.map((row, metadata) -> mapper.apply(view.at(row))));
            }
            long start = System.nanoTime();
            long[] rows = new long[1]; // rows arrive one after another: no atomic needed
            return Flux.from(statement.execute())
                    .concatMap(result -> result.map((row, metadata) -> {
                        rows[0]++;
                        return mapper.apply(view.at(row));
                    }))
                    .doOnComplete(() -> SqlLog.executed(sql, start, rows[0], "row(s)"))
                    .doOnError(e -> SqlLog.failed(sql, start, e))
                    .doOnCancel(() -> SqlLog.executed(sql, start, rows[0], "row(s), cancelled"));
        })).onErrorMap(e -> translate(e, sql));
    }

    // Writes run to their end when their caller cancels; reads stop at the cancel (see StatementFence).
    @Override
    public Mono<Long> update(Connection connection, RenderedSql sql) {
        return StatementFence.write(sql, Mono.defer(() -> {
            long start = System.nanoTime();
            return Flux.from(prepare(connection, sql).execute())
                    .concatMap(Result::getRowsUpdated)
                    .reduce(0L, Long::sum)
                    .doOnNext(count -> SqlLog.executed(sql, start, count, "row(s) affected"))
                    .doOnError(e -> SqlLog.failed(sql, start, e));
        }).onErrorMap(e -> translate(e, sql)));
    }

    // The query inside counts the statement against the session's budget.
    @Override
    public Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types) {
        return StatementFence.write(query(connection, sql, row -> {
            Object[] values = new Object[types.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(i, types.get(i));
            }
            return values;
        }).collectList());
    }

    private Statement prepare(Connection connection, RenderedSql sql) {
        Statement statement = connection.createStatement(sql.sql());
        List<Bind> binds = sql.binds();
        for (int i = 0; i < binds.size(); i++) {
            Bind bind = binds.get(i);
            if (bind.value() == null) {
                statement.bindNull(i, values.driverClass(bind.type()));
            } else {
                statement.bind(i, values.toDriver(bind.value()));
            }
        }
        return statement;
    }
}
