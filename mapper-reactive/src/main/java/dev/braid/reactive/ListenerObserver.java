package dev.braid.reactive;

import dev.braid.statement.RenderedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.util.context.ContextView;

import java.util.List;

/**
 * The mapper's {@link ExecutionListener}s as an observer of statements: times each statement from its start and
 * reports one {@link ExecutionEvent} when it ended, to every listener in the order added. Units of work are not
 * statements: it ignores them.
 */
final class ListenerObserver implements ExecutionObserver {
    private static final Logger LOG = LoggerFactory.getLogger("dev.braid.listener");

    private final ExecutionListener[] listeners;

    ListenerObserver(List<ExecutionListener> listeners) {
        this.listeners = listeners.toArray(new ExecutionListener[0]);
    }

    @Override
    public Handle start(Execution execution, ContextView context) {
        RenderedSql sql = execution.statement();
        if (sql == null) return Handle.NOOP;
        long start = System.nanoTime();
        return (outcome, rows, error) -> report(new ExecutionEvent(sql.sql(), sql.binds(), sql.origin(), rows, start,
                System.nanoTime(), outcome, error));
    }

    private void report(ExecutionEvent event) {
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
