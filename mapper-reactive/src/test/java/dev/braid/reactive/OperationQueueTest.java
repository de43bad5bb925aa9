package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.error.SessionBusyException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's operation queue without a database: order, cancellation, cleanup, close, re-entrancy, depth. */
class OperationQueueTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OperationQueue queue = new OperationQueue(Mono::empty);
    private final List<String> log = new CopyOnWriteArrayList<>();

    private Mono<String> op(String name, Mono<String> work) {
        return queue.mono(name, () -> {
            log.add("start " + name);
            return work.doOnTerminate(() -> log.add("end " + name));
        });
    }

    @Test
    void operationsIssuedWhileOneRunsWaitAndRunInOrder() {
        Sinks.One<String> first = Sinks.one();
        List<String> results = new CopyOnWriteArrayList<>();
        op("a", first.asMono()).subscribe(results::add);
        op("b", Mono.just("b")).subscribe(results::add);
        op("c", Mono.just("c")).subscribe(results::add);
        assertThat(log).containsExactly("start a");
        first.tryEmitValue("a");
        assertThat(log).containsExactly("start a", "end a", "start b", "end b", "start c", "end c");
        assertThat(results).containsExactly("a", "b", "c");
    }

    @Test
    void aCancelledWaitingOperationNeverRuns() {
        Sinks.One<String> first = Sinks.one();
        op("a", first.asMono()).subscribe();
        var b = op("b", Mono.just("b")).subscribe();
        op("c", Mono.just("c")).subscribe();
        b.dispose();
        first.tryEmitValue("a");
        assertThat(log).containsExactly("start a", "end a", "start c", "end c");
    }

    @Test
    void afterACancelTheNextStartsOnlyOnceTheCleanupIsDone() {
        Sinks.Empty<Void> cleanup = Sinks.empty();
        OperationQueue withCleanup = new OperationQueue(cleanup::asMono);
        var a = withCleanup.mono("a", Mono::never).subscribe();
        AtomicInteger started = new AtomicInteger();
        withCleanup.mono("b", () -> Mono.fromRunnable(started::incrementAndGet)).subscribe();
        a.dispose();
        assertThat(started).hasValue(0);
        cleanup.tryEmitEmpty();
        assertThat(started).hasValue(1);
    }

    @Test
    void closingFailsTheWaitingOperationsAndLaterOnes() {
        op("a", Mono.never()).subscribe();
        StepVerifier.create(op("b", Mono.just("b")).doOnSubscribe(s -> queue.close()))
                .expectErrorSatisfies(e -> assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_SESSION_CLOSED))
                .verify(TIMEOUT);
        StepVerifier.create(op("c", Mono.just("c")))
                .expectErrorSatisfies(e -> assertThat(e).hasMessageContaining("Cannot run c: the session's scope has ended"))
                .verify(TIMEOUT);
        assertThat(log).containsExactly("start a");
    }

    @Test
    void tenThousandQueuedOperationsRunWithoutDeepRecursion() {
        Sinks.One<String> first = Sinks.one();
        op("first", first.asMono()).subscribe();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 10_000; i++) {
            queue.mono("op" + i, () -> Mono.just(1)).subscribe(v -> done.incrementAndGet());
        }
        first.tryEmitValue("go"); // each completes synchronously and frees the queue from inside its start
        assertThat(done).hasValue(10_000);
    }

    @Test
    void aStreamThatOthersWaitBehindReadsAheadSoAnOperationIssuedFromItsRowsRuns() {
        TestPublisher<Integer> rows = TestPublisher.create();
        Flux<Integer> stream = queue.flux("select", rows::flux);
        // concatMap takes one row at a time and issues an operation per row: it waits behind the stream.
        StepVerifier.create(stream.concatMap(i -> op("get " + i, Mono.just("got " + i))), 0)
                .thenRequest(1)
                .then(() -> rows.assertMinRequested(1).next(1))
                .then(() -> rows.assertMinRequested(1_000_000)) // read the rest into memory (unbounded)
                .then(() -> rows.next(2, 3).complete())
                .expectNext("got 1")
                .thenRequest(2)
                .expectNext("got 2", "got 3")
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aStreamNobodyWaitsBehindKeepsItsSubscribersPace() {
        TestPublisher<Integer> rows = TestPublisher.create();
        StepVerifier.create(queue.flux("select", rows::flux), 0)
                .thenRequest(2)
                .then(() -> rows.assertMaxRequested(2).next(1, 2))
                .expectNext(1, 2)
                .thenRequest(1)
                .then(() -> rows.assertMaxRequested(1).next(3).complete())
                .expectNext(3)
                .verifyComplete();
    }

    @Test
    void anOperationIssuedWhileAWindowedStreamRunsFailsNamingBoth() {
        TestPublisher<Integer> rows = TestPublisher.create();
        List<Throwable> errors = new ArrayList<>();
        StepVerifier.create(queue.windowed("stream Author", rows::flux)
                        .concatMap(i -> op("get(Book, " + i + ")", Mono.just("x")).onErrorResume(e -> {
                            errors.add(e);
                            return Mono.empty();
                        })))
                .then(() -> rows.next(1).complete())
                .verifyComplete();
        assertThat(errors).singleElement().isInstanceOf(SessionBusyException.class).satisfies(e -> assertThat(e)
                .hasMessageContaining("Cannot run get(Book, 1) while stream Author is still running")
                .hasMessageContaining("read the rows with all() instead of stream(window)"));
    }

    @Test
    void whatASubscriberIssuesInReactionToTheLastSignalIsQueuedBehindTheOperation() {
        List<String> order = new CopyOnWriteArrayList<>();
        queue.mono("a", () -> Mono.just("a")).doOnNext(a -> {
            queue.mono("b", () -> Mono.fromRunnable(() -> order.add("b"))).subscribe();
            order.add("a delivered");
        }).subscribe();
        assertThat(order).containsExactly("a delivered", "b");
    }
}
