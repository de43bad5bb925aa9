package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.SessionBusyException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a session's operations one after another on its connection, in the order they were issued (FIFO): an
 * R2DBC connection cannot start a statement while another result is being read, and the identity map is not
 * thread-safe. An operation issued while another runs waits for it, so {@code zip}, {@code merge} and
 * {@code flatMap} over one session work.
 *
 * <p>An operation holds the session until its publisher has delivered its last signal (so what its subscriber
 * issues in reaction is queued behind it, and coalesces), or until it was cancelled and the session's cleanup
 * (a cursor to close, a write to finish) is done. A stream that others wait behind reads the rest of its result
 * into memory and lets them run as soon as its statements are done, even while its subscriber is still taking
 * the buffered rows ({@link HeldStream}): an operation issued from inside the stream never waits forever. A
 * windowed stream ({@code stream(window)}), whose point is not to hold its result in memory, refuses operations
 * issued while it runs with {@code BRAID_SESSION_BUSY} instead.
 *
 * <p>The next operation starts in a loop (a trampoline), never by recursion; the critical sections are a few
 * field updates under this object's monitor, and nothing here blocks.
 */
final class OperationQueue {
    private final Supplier<Mono<Void>> cleanup;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
    private final AtomicInteger wip = new AtomicInteger();
    private @Nullable Ticket current;
    private boolean closed;

    /** @param cleanup completes when the cleanups of cancelled operations are done (see {@link SessionTransaction#awaitCleanup()}) */
    OperationQueue(Supplier<Mono<Void>> cleanup) {
        this.cleanup = cleanup;
    }

    <T> Mono<T> mono(String operation, Supplier<Mono<T>> body) {
        return Mono.defer(() -> {
            Ticket ticket = enqueue(operation, false);
            // doFinally: after the last signal reached the subscriber (or after the cancel went upstream).
            return ticket.turn().then(Mono.defer(body))
                    .doFinally(signal -> ticket.finish(signal == SignalType.CANCEL));
        });
    }

    <T> Flux<T> flux(String operation, Supplier<Flux<T>> body) {
        return stream(operation, false, body);
    }

    /** A windowed stream: operations issued while it runs fail fast instead of buffering its result. */
    <T> Flux<T> windowed(String operation, Supplier<Flux<T>> body) {
        return stream(operation, true, body);
    }

    private <T> Flux<T> stream(String operation, boolean windowed, Supplier<Flux<T>> body) {
        return Flux.defer(() -> {
            Ticket ticket = enqueue(operation, windowed);
            return new HeldStream<>(ticket.turn().thenMany(Flux.defer(body)), ticket);
        });
    }

    /** Fails the waiting operations with {@code BRAID_SESSION_CLOSED}; later ones fail at once. */
    void close() {
        List<Ticket> failed;
        synchronized (this) {
            closed = true;
            failed = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Ticket ticket : failed) {
            ticket.fail(closedError(ticket.operation));
        }
    }

    private Ticket enqueue(String operation, boolean windowed) {
        Ticket ticket = new Ticket(operation, windowed);
        Ticket running;
        synchronized (this) {
            if (closed) {
                throw closedError(operation);
            }
            running = current;
            if (running != null && running.windowed && !running.streamDone) {
                throw new SessionBusyException("Cannot run " + operation + " while " + running.operation
                        + " is still running in the same session: a windowed stream does not read its result into"
                        + " memory, so nothing else can use the connection until it ends. Fix: run it after the"
                        + " stream (concatWith/then), read the rows with all() instead of stream(window), or use a"
                        + " separate session for it");
            }
            waiting.add(ticket);
        }
        if (running != null) {
            running.yieldToWaiting();
        }
        drain();
        return ticket;
    }

    private static MapperException closedError(String operation) {
        return new MapperException(ErrorCode.BRAID_SESSION_CLOSED, "Cannot run " + operation
                + ": the session's scope has ended and its connection was released. Fix: do all work inside"
                + " the function given to withSession/inTransaction, and return its publisher from there");
    }

    // Starts waiting operations while the session is free: a loop, so an operation that completes at once
    // (H2 runs synchronously) and frees the session from inside start() never recurses into the next one.
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            while (true) {
                Ticket next;
                boolean othersWait;
                synchronized (this) {
                    if (current != null || waiting.isEmpty()) break;
                    next = waiting.poll();
                    current = next;
                    othersWait = !waiting.isEmpty();
                }
                if (othersWait) {
                    next.yieldToWaiting();
                }
                next.start();
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void release(Ticket ticket) {
        synchronized (this) {
            if (current != ticket) return;
            current = null;
        }
        drain();
    }

    /** One operation's place in the queue. */
    final class Ticket {
        private final String operation;
        private final boolean windowed;
        private final Sinks.Empty<Void> turn = Sinks.empty();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile boolean yieldWanted;
        private volatile HeldStream.@Nullable Held<?> stream;
        // A stream whose statements are done: what waits behind it may run.
        private volatile boolean streamDone;

        Ticket(String operation, boolean windowed) {
            this.operation = operation;
            this.windowed = windowed;
        }

        Mono<Void> turn() {
            return turn.asMono();
        }

        String operation() {
            return operation;
        }

        boolean windowed() {
            return windowed;
        }

        boolean yieldWanted() {
            return yieldWanted;
        }

        void attach(HeldStream.Held<?> held) {
            stream = held;
        }

        private void start() {
            turn.tryEmitEmpty();
        }

        private void fail(Throwable error) {
            turn.tryEmitError(error);
        }

        /** Operations wait behind this one: a stream reads the rest of its result, so they can run. */
        private void yieldToWaiting() {
            if (windowed) return;
            yieldWanted = true;
            HeldStream.@Nullable Held<?> held = stream;
            if (held != null) held.yieldToWaiting();
        }

        /** The stream's statements are done (its rows may still be on their way to the subscriber). */
        void streamDone() {
            streamDone = true;
        }

        /**
         * The operation is over: the next may start; after a cancel, only once the session's cleanup is done. A
         * cancelled operation that was still waiting leaves the queue and never runs.
         */
        void finish(boolean cancelled) {
            if (!finished.compareAndSet(false, true)) return;
            boolean wasWaiting;
            synchronized (OperationQueue.this) {
                wasWaiting = waiting.remove(this);
            }
            if (wasWaiting) return;
            if (cancelled) {
                cleanup.get().subscribe(null, e -> release(this), () -> release(this));
            } else {
                release(this);
            }
        }
    }
}
