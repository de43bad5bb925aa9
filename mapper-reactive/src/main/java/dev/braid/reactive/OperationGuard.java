package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.SessionBusyException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Lets one operation at a time use a session. An R2DBC connection cannot start a statement while
 * another result is being read (the second waits forever), and the identity map is not thread-safe,
 * so overlapping use fails fast with a message that says what overlapped and how to chain instead.
 *
 * <p>The operation is released just before its last signal goes downstream, so code that reacts to
 * that signal ({@code then}, {@code flatMap} on a Mono) may start the next operation at once.
 */
final class OperationGuard {
    private final AtomicReference<String> running = new AtomicReference<>();
    private volatile boolean closed;

    <T> Mono<T> mono(String operation, Supplier<Mono<T>> body) {
        return Mono.defer(() -> {
            Ticket ticket = acquire(operation);
            Mono<T> work;
            try {
                work = body.get();
            } catch (RuntimeException e) {
                ticket.release();
                return Mono.error(e);
            }
            return work
                    .doOnSuccess(value -> ticket.release()) // value or empty, before it reaches downstream
                    .doOnError(e -> ticket.release())
                    .doOnCancel(ticket::release);
        });
    }

    <T> Flux<T> flux(String operation, Supplier<Flux<T>> body) {
        return Flux.defer(() -> {
            Ticket ticket = acquire(operation);
            Flux<T> work;
            try {
                work = body.get();
            } catch (RuntimeException e) {
                ticket.release();
                return Flux.error(e);
            }
            return work
                    .doOnTerminate(ticket::release) // before onComplete/onError reach downstream
                    .doOnCancel(ticket::release);
        });
    }

    void close() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    private Ticket acquire(String operation) {
        if (closed) {
            throw new MapperException(ErrorCode.BRAID_SESSION_CLOSED, "Cannot run " + operation
                    + ": the session's scope has ended and its connection was released. Fix: do all work inside"
                    + " the function given to withSession/inTransaction, and return its publisher from there");
        }
        if (!running.compareAndSet(null, operation)) {
            throw new SessionBusyException("Cannot run " + operation + " while " + running.get()
                    + " is still running in the same session: one connection cannot read two results at once."
                    + " Fix: start it after the first completes (then/concatMap, or collectList() a stream first),"
                    + " or use a separate session for concurrent work");
        }
        return new Ticket(operation);
    }

    private final class Ticket {
        private final String operation;
        private final AtomicBoolean released = new AtomicBoolean();

        Ticket(String operation) {
            this.operation = operation;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                running.compareAndSet(operation, null);
            }
        }
    }
}
