package dev.braid.reactive;

import org.jspecify.annotations.Nullable;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's streaming operation as its {@link OperationQueue.Ticket} holds the session: rows pass at the
 * subscriber's pace (its requests go upstream as they are), until operations wait behind the stream. Then the
 * stream reads the rest of its result at once into memory, so its statements end and the waiting operations can
 * run while the subscriber still takes the buffered rows: an operation issued from inside the stream ({@code
 * concatMap(row -> session.get(...))}) never waits forever behind it.
 *
 * <p>The session is freed at the end of a delivery pass once the statements are done: after the last signal
 * when the subscriber keeps up (so what it issues in reaction is queued behind the stream), earlier when the
 * subscriber has no demand left for the buffered rows (it may be waiting for a queued operation).
 */
final class HeldStream<T> extends FluxOperator<T, T> {
    private final OperationQueue.Ticket ticket;

    HeldStream(Flux<T> source, OperationQueue.Ticket ticket) {
        super(source);
        this.ticket = ticket;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        source.subscribe(new Held<>(actual, ticket));
    }

    /** The subscriber between the operation and its caller. */
    static final class Held<T> implements CoreSubscriber<T>, org.reactivestreams.Subscription {
        private final CoreSubscriber<? super T> actual;
        private final OperationQueue.Ticket ticket;
        private final Queue<T> buffer = new ConcurrentLinkedQueue<>();
        private final AtomicLong requested = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean unbounded = new AtomicBoolean();
        private volatile org.reactivestreams.@Nullable Subscription upstream;
        private volatile boolean done;
        private volatile boolean cancelled;
        private boolean terminated;
        private @Nullable Throwable error;

        Held(CoreSubscriber<? super T> actual, OperationQueue.Ticket ticket) {
            this.actual = actual;
            this.ticket = ticket;
            ticket.attach(this);
        }

        @Override
        public Context currentContext() {
            return actual.currentContext();
        }

        @Override
        public void onSubscribe(org.reactivestreams.Subscription s) {
            if (Operators.validate(upstream, s)) {
                upstream = s;
                actual.onSubscribe(this);
                if (ticket.yieldWanted()) yieldToWaiting();
            }
        }

        @Override
        public void onNext(T value) {
            buffer.offer(value);
            drain();
        }

        @Override
        public void onError(Throwable e) {
            error = e;
            ticket.streamDone();
            done = true;
            drain();
        }

        @Override
        public void onComplete() {
            ticket.streamDone();
            done = true;
            drain();
        }

        @Override
        public void request(long n) {
            if (!Operators.validate(n)) return;
            requested.getAndUpdate(r -> Operators.addCap(r, n));
            org.reactivestreams.Subscription s = upstream;
            if (!unbounded.get() && s != null) s.request(n);
            drain();
        }

        @Override
        public void cancel() {
            if (cancelled) return;
            cancelled = true;
            org.reactivestreams.Subscription s = upstream;
            if (s != null) s.cancel();
            if (wip.getAndIncrement() == 0) buffer.clear();
            ticket.finish(true); // the next operation starts once the session's cleanup is done
        }

        /** Reads the rest of the result into memory, so the statements end and waiting operations can run. */
        void yieldToWaiting() {
            if (done || !unbounded.compareAndSet(false, true)) return;
            org.reactivestreams.Subscription s = upstream;
            if (s != null) s.request(Long.MAX_VALUE);
            else unbounded.set(false); // onSubscribe asks again (the ticket remembers)
        }

        private void drain() {
            if (wip.getAndIncrement() != 0) return;
            int missed = 1;
            while (true) {
                long r = requested.get();
                long emitted = 0;
                while (emitted != r) {
                    if (cancelled) {
                        buffer.clear();
                        return;
                    }
                    boolean d = done;
                    if (d && error != null) {
                        buffer.clear();
                        terminate();
                        return;
                    }
                    T value = buffer.poll();
                    if (value == null) {
                        if (d) {
                            terminate();
                            return;
                        }
                        break;
                    }
                    actual.onNext(value);
                    emitted++;
                }
                if (emitted == r) {
                    if (cancelled) {
                        buffer.clear();
                        return;
                    }
                    if (done && (error != null || buffer.isEmpty())) {
                        buffer.clear();
                        terminate();
                        return;
                    }
                }
                if (emitted != 0 && r != Long.MAX_VALUE) requested.addAndGet(-emitted);
                missed = wip.addAndGet(-missed);
                if (missed == 0) break;
            }
            // The statements are done but the subscriber takes no more rows now (it may wait for a queued
            // operation): the session is free for the next one.
            if (done) ticket.finish(false);
        }

        private void terminate() {
            if (terminated) return;
            terminated = true;
            Throwable e = error;
            if (e != null) actual.onError(e);
            else actual.onComplete();
            ticket.finish(false); // after the last signal: what the subscriber issued in reaction is queued behind
        }
    }
}
