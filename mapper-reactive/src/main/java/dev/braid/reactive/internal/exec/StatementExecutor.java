package dev.braid.reactive.internal.exec;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.statement.RenderedSql;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one I/O seam, narrow like r2dbc-postgresql's {@code Client}: runs a {@link RenderedSql} on a
 * connection and answers rows, a row count or generated values. Everything above it (sessions, loaders,
 * flushes) only plans and applies; {@link R2dbcStatementExecutor} is the real one, test kits script their
 * own. Callers must not start another statement on the same connection until the returned publisher
 * terminates. Implementations report database errors as Braid exceptions (through {@link #errors()}).
 */
public interface StatementExecutor {

    /** Runs a query and maps each row; the row view is valid only inside {@code mapper}. */
    <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper);

    /**
     * Runs a query for its effect on each row ({@code consumer} keeps what it needs) and completes
     * with the number of rows. Nothing is emitted to the caller per row: a {@code Flux} whose rows are
     * dropped with {@code then()} or counted with {@code count()} pays a discard hook, and a context
     * lookup through the whole operator chain, for every row. {@code bounded}: a result that is
     * always read to the end (a selectin chunk) is fetched in one go, since a fetch size would only
     * add round trips without ever saving a read.
     */
    Mono<Long> consume(Connection connection, RenderedSql sql, Consumer<RowView> consumer, boolean bounded);

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it affected. */
    Mono<Long> update(Connection connection, RenderedSql sql);

    /** Runs a statement that returns generated values and collects each row's values as driver types. */
    Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types);

    /** Runs DDL or other statements whose results carry nothing. */
    default Mono<Void> execute(Connection connection, RenderedSql sql) {
        return update(connection, sql).then();
    }

    /**
     * The translator of driver errors for this mapper's dialect, for statements sent without this executor
     * ({@code connection.beginTransaction()}, savepoints).
     */
    ErrorTranslator errors();

    /**
     * The observer of the units of work whose statements this executor runs (flushes, loads, stream windows,
     * sessions), or null when nothing observes them: then units run unwrapped, at no cost.
     */
    default @Nullable WorkObserver work() {
        return null;
    }
}
