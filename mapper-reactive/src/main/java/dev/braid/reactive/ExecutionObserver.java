package dev.braid.reactive;

import org.jspecify.annotations.Nullable;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Observes statements and units of work from their start to their end, for tracing and metrics: register with
 * {@link MapperBuilder#observer(ExecutionObserver)}. Where an {@link ExecutionListener} hears about a statement
 * once it has ended, an observer is told when it {@linkplain #start starts}, with the subscriber's Reactor
 * context (where a tracing library keeps the current span), and gets back a {@link Handle} that Braid ends
 * exactly once. Units of work (a flush, the load of one relationship path, a window of {@code stream()}, a
 * {@code withSession} or {@code inTransaction} scope) are observed too, and everything they start runs with the
 * context their handle {@linkplain Handle#propagate propagates}: that is how a statement's observation finds
 * its flush's, the flush's its transaction's, and the transaction's the web request's. The Micrometer binding
 * ({@code dev.braid:braid-micrometer}) is one.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #start} is called when the statement or unit is subscribed, on the subscribing thread; the
 *       handle's {@link Handle#end end} exactly once when it completes, fails or is cancelled, on the thread that
 *       ended it (a driver or Reactor thread). A unit ends after the statements and units inside it, also when
 *       cancelled (unless the cancel races the completion of the last of them on another thread). Executions of different sessions run concurrently: implementations must be thread-safe.</li>
 *   <li>Neither may block; both should return quickly: they run inside the session's reactive pipeline.</li>
 *   <li>An exception thrown by {@code start}, {@code end} or {@code propagate} is logged (logger
 *       {@code dev.braid.observer}, WARN) and swallowed: it never changes the outcome of the work, and the other
 *       observers are still called. (A throwing {@code start} leaves that observer out of the execution.)</li>
 *   <li>A mapper without observers pays nothing for this SPI: no wrapper, no clock read, no context access.</li>
 * </ul>
 */
@FunctionalInterface
public interface ExecutionObserver {

    /**
     * Called when a statement or unit of work starts.
     *
     * @param execution what starts
     * @param context   the Reactor context of the subscriber: the application's, plus what the enclosing units'
     *                  handles propagated
     * @return the handle to end it with (never null; {@link Handle#NOOP} to ignore the execution)
     */
    Handle start(Execution execution, ContextView context);

    /** One started execution, ended exactly once. */
    interface Handle {
        /** A handle that ignores the end and propagates nothing. */
        Handle NOOP = (outcome, rows, error) -> { };

        /**
         * Called once when the execution ended.
         *
         * @param outcome how it ended
         * @param rows    for a statement, rows read (queries, statements returning generated values) or affected
         *                (INSERT, UPDATE, DELETE, DDL), up to the end; for a unit of work, the sum over the
         *                statements it sent itself (not those of the units inside it)
         * @param error   the error it failed with (a {@code MapperException} for database errors), or null unless
         *                {@code outcome} is {@link ExecutionEvent.Outcome#ERROR}
         */
        void end(ExecutionEvent.Outcome outcome, long rows, @Nullable Throwable error);

        /**
         * The context the work of a unit runs with: returns {@code context} with this observer's entries for
         * the unit (e.g. its span) added, so that what starts inside the unit sees them. Called once, when the
         * unit starts, and never for statements. The default adds nothing.
         *
         * @param context the context the unit was started with, plus other observers' entries
         * @return the context for the unit's work
         */
        default Context propagate(Context context) {
            return context;
        }
    }
}
