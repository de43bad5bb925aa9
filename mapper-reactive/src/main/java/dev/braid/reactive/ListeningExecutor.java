package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.statement.RenderedSql;
import dev.braid.reactive.internal.exec.ErrorTranslator;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reports every statement of a delegate executor to the mapper's {@link ExecutionListener}s. The mapper
 * wraps its executor in one only when listeners are registered, so a mapper without listeners runs the
 * plain executor: no clock read, no counter, no event per statement.
 */
final class ListeningExecutor implements StatementExecutor {
    private static final Logger LOG = LoggerFactory.getLogger("dev.braid.listener");

    private final StatementExecutor delegate;
    private final ExecutionListener[] listeners;

    ListeningExecutor(StatementExecutor delegate, List<ExecutionListener> listeners) {
        this.delegate = delegate;
        this.listeners = listeners.toArray(new ExecutionListener[0]);
    }

    @Override
    public <T> Flux<T> query(Connection connection, RenderedSql sql, Function<RowView, T> mapper) {
        return Flux.defer(() -> {
            Probe probe = new Probe(sql);
            return delegate.query(connection, sql, row -> {
                        probe.rows++;
                        return mapper.apply(row);
                    })
                    .doOnComplete(probe::succeeded)
                    .doOnError(probe::failed)
                    .doOnCancel(probe::cancelled);
        });
    }

    @Override
    public Mono<Long> consume(Connection connection, RenderedSql sql, Consumer<RowView> consumer, boolean bounded) {
        return Mono.defer(() -> {
            Probe probe = new Probe(sql);
            return delegate.consume(connection, sql, row -> {
                        probe.rows++;
                        consumer.accept(row);
                    }, bounded)
                    .doOnSuccess(count -> probe.succeeded())
                    .doOnError(probe::failed)
                    .doOnCancel(probe::cancelled);
        });
    }

    @Override
    public Mono<Long> update(Connection connection, RenderedSql sql) {
        return Mono.defer(() -> {
            Probe probe = new Probe(sql);
            return delegate.update(connection, sql)
                    .doOnSuccess(count -> {
                        probe.rows = count == null ? 0 : count;
                        probe.succeeded();
                    })
                    .doOnError(probe::failed)
                    .doOnCancel(probe::cancelled);
        });
    }

    @Override
    public Mono<List<Object[]>> returning(Connection connection, RenderedSql sql, List<Class<?>> types) {
        return Mono.defer(() -> {
            Probe probe = new Probe(sql);
            return delegate.returning(connection, sql, types)
                    .doOnSuccess(rows -> {
                        probe.rows = rows == null ? 0 : rows.size();
                        probe.succeeded();
                    })
                    .doOnError(probe::failed)
                    .doOnCancel(probe::cancelled);
        });
    }

    @Override
    public ErrorTranslator errors() {
        return delegate.errors();
    }

    /** One statement in flight: its start, the rows so far, and whether it was reported already. */
    @SuppressWarnings("serial")
    private final class Probe extends AtomicBoolean { // true once reported: a cancel may race the completion
        private final RenderedSql sql;
        private final long start = System.nanoTime();
        long rows; // rows arrive one after another: no atomic needed

        Probe(RenderedSql sql) {
            this.sql = sql;
        }

        void succeeded() {
            report(ExecutionEvent.Outcome.SUCCESS, null);
        }

        void failed(Throwable error) {
            report(ExecutionEvent.Outcome.ERROR, error);
        }

        void cancelled() {
            report(ExecutionEvent.Outcome.CANCEL, null);
        }

        private void report(ExecutionEvent.Outcome outcome, Throwable error) {
            if (!compareAndSet(false, true)) return;
            ExecutionEvent event = new ExecutionEvent(sql.sql(), sql.binds(), sql.origin(), rows, start, System.nanoTime(),
                    outcome, error);
            for (ExecutionListener listener : listeners) {
                try {
                    listener.onStatement(event);
                } catch (Throwable e) {
                    Exceptions.throwIfJvmFatal(e);
                    LOG.warn("Execution listener {} failed on {}; ignored", listener, event, e);
                }
            }
        }
    }
}
