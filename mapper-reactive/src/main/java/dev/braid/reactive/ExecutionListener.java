package dev.braid.reactive;

/**
 * Observes every statement a {@link Mapper} sends: register with {@link MapperBuilder#listener(ExecutionListener)}.
 * Each statement is reported once, when it has ended (completed, failed or cancelled), with its SQL, binds,
 * row count, timing and {@linkplain ExecutionEvent#origin() origin} (the entity, relationship or flush step
 * that issued it). Use it for statement counters, metrics, tracing and tests.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #onStatement} is called on the thread that ended the statement (a driver or Reactor thread), in
 *       the order statements end on one session; statements of different sessions are reported concurrently,
 *       so implementations must be thread-safe.</li>
 *   <li>It must not block and should return quickly: it runs inside the reactive pipeline of the session.</li>
 *   <li>An exception it throws is logged (logger {@code dev.braid.listener}, WARN) and swallowed: it never
 *       changes the outcome of the statement or of the session's work, and the other listeners are still
 *       called.</li>
 *   <li>A mapper without listeners pays nothing for this SPI (no wrapper, no clock read, no event).</li>
 * </ul>
 *
 * Statements sent through the R2DBC connection API rather than as SQL ({@code beginTransaction()},
 * {@code commitTransaction()}, savepoints) are not statements and are not reported.
 */
@FunctionalInterface
public interface ExecutionListener {
    /**
     * Called once for each statement after it ended. Must not block; exceptions are logged and swallowed.
     *
     * @param event what was sent, how it ended and who issued it
     */
    void onStatement(ExecutionEvent event);
}
