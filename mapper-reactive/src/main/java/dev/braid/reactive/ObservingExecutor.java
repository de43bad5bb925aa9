package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.internal.exec.ErrorTranslator;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import dev.braid.statement.RenderedSql;
import io.r2dbc.spi.Connection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Reports every statement of a delegate executor to the mapper's {@link ExecutionListener}s and
 * {@link ExecutionObserver}s, and hands out the observer of units of work ({@link #work()}) when there are
 * observers. The mapper wraps its executor in one only when listeners or observers are registered, so a mapper
 * without them runs the plain executor: no clock read, no counter, no context access, no event per statement.
 */
final class ObservingExecutor implements StatementExecutor {
    private final StatementExecutor delegate;
    private final ObserverChain statements;
    private final String database;
    private final @Nullable ObservedWork work;

    private ObservingExecutor(StatementExecutor delegate, ObserverChain statements, String database,
                              @Nullable ObservedWork work) {
        this.delegate = delegate;
        this.statements = statements;
        this.database = database;
        this.work = work;
    }

    /**
     * {@code base} observed by {@code listeners} (statements only) and {@code observers} (statements and units
     * of work), or {@code base} itself when there are neither.
     */
    static StatementExecutor wrap(StatementExecutor base, List<ExecutionListener> listeners,
                                  List<ExecutionObserver> observers, Dialect dialect) {
        if (listeners.isEmpty() && observers.isEmpty()) return base;
        String database = dialect.name().toLowerCase(Locale.ROOT);
        List<ExecutionObserver> all = new ArrayList<>();
        if (!listeners.isEmpty()) all.add(new ListenerObserver(listeners));
        all.addAll(observers);
        ObservedWork work = observers.isEmpty() ? null : new ObservedWork(new ObserverChain(observers), database);
        return new ObservingExecutor(base, new ObserverChain(all), database, work);
    }

    @Override
    public <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper) {
        return Flux.deferContextual(context -> {
            ExecutionProbe probe = start(sql, context);
            try {
                return delegate.query(connection, sql, row -> {
                            probe.rows++;
                            return mapper.apply(row);
                        })
                        .doOnComplete(probe::succeeded)
                        .doOnError(probe::failed)
                        .doOnCancel(probe::cancelled);
            } catch (RuntimeException e) {
                probe.failed(e);
                throw e;
            }
        });
    }

    @Override
    public Mono<Long> consume(Connection connection, RenderedSql sql, Consumer<RowView> consumer, boolean bounded) {
        return observe(sql, probe -> delegate.consume(connection, sql, row -> {
            probe.rows++;
            consumer.accept(row);
        }, bounded), null);
    }

    @Override
    public Mono<Long> update(Connection connection, RenderedSql sql) {
        return observe(sql, probe -> delegate.update(connection, sql), count -> count);
    }

    @Override
    public Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types) {
        return observe(sql, probe -> delegate.returning(connection, sql, types), List::size);
    }

    /**
     * {@code work} reported as one statement: started when subscribed, then succeeded, failed or cancelled;
     * its rows counted by {@code work} itself (per row read) or, when {@code rowsOf} is given, from its result.
     */
    private <T> Mono<T> observe(RenderedSql sql, Function<ExecutionProbe, Mono<T>> work,
                                @Nullable ToLongFunction<T> rowsOf) {
        return Mono.deferContextual(context -> {
            ExecutionProbe probe = start(sql, context);
            try {
                return work.apply(probe)
                        .doOnSuccess(result -> {
                            if (rowsOf != null) probe.rows = result == null ? 0 : rowsOf.applyAsLong(result);
                            probe.succeeded();
                        })
                        .doOnError(probe::failed)
                        .doOnCancel(probe::cancelled);
            } catch (RuntimeException e) {
                probe.failed(e);
                throw e;
            }
        });
    }

    @Override
    public ErrorTranslator errors() {
        return delegate.errors();
    }

    @Override
    public @Nullable WorkObserver work() {
        return work;
    }

    // Units of work are observed only with observers: then the statement's rows go to its innermost unit too.
    private ExecutionProbe start(RenderedSql sql, ContextView context) {
        ExecutionProbe unit = work == null ? null : context.getOrDefault(ExecutionProbe.UNIT, null);
        return new ExecutionProbe(statements.start(Execution.statement(sql, database), context), unit);
    }
}
