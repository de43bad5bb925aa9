package dev.braid.reactive;

import dev.braid.reactive.ExecutionEvent.Outcome;
import dev.braid.reactive.ExecutionObserver.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

import java.util.List;

/**
 * A mapper's observers as one: starts each, and ends and propagates each handle, logging and swallowing what
 * an observer throws so that it never changes the work's outcome nor keeps the others from being called.
 */
final class ObserverChain {
    private static final Logger LOG = LoggerFactory.getLogger("dev.braid.observer");

    private final ExecutionObserver[] observers;

    ObserverChain(List<ExecutionObserver> observers) {
        this.observers = observers.toArray(new ExecutionObserver[0]);
    }

    Handle start(Execution execution, ContextView context) {
        if (observers.length == 1) return start(observers[0], execution, context);
        Handle[] handles = new Handle[observers.length];
        for (int i = 0; i < observers.length; i++) handles[i] = start(observers[i], execution, context);
        return new Handles(handles);
    }

    private static Handle start(ExecutionObserver observer, Execution execution, ContextView context) {
        try {
            Handle handle = observer.start(execution, context);
            return handle == null ? Handle.NOOP : handle;
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            LOG.warn("Execution observer {} failed to start {}; ignored", observer, execution, e);
            return Handle.NOOP;
        }
    }

    static void end(Handle handle, Outcome outcome, long rows, @Nullable Throwable error) {
        try {
            handle.end(outcome, rows, error);
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            LOG.warn("Execution observer handle {} failed to end ({}); ignored", handle, outcome, e);
        }
    }

    static Context propagate(Handle handle, Context context) {
        try {
            Context out = handle.propagate(context);
            return out == null ? context : out;
        } catch (Throwable e) {
            Exceptions.throwIfJvmFatal(e);
            LOG.warn("Execution observer handle {} failed to propagate its context; ignored", handle, e);
            return context;
        }
    }

    /** The handles of several observers, ended and propagated in the order the observers were added. */
    private record Handles(Handle[] all) implements Handle {
        @Override
        public void end(Outcome outcome, long rows, @Nullable Throwable error) {
            for (Handle handle : all) ObserverChain.end(handle, outcome, rows, error);
        }

        @Override
        public Context propagate(Context context) {
            Context out = context;
            for (Handle handle : all) out = ObserverChain.propagate(handle, out);
            return out;
        }
    }
}
