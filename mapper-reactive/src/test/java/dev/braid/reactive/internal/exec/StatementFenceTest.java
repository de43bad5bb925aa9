package dev.braid.reactive.internal.exec;

import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement fence without a database: writes outlive their caller's cancel, and the close orders the end. */
class StatementFenceTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final RenderedSql SQL = new RenderedSql("SELECT 1", List.of(), StatementOrigin.of(StatementOrigin.Kind.SESSION));

    @Test
    void aCancelledWriteRunsToItsEndAndTheCloseWaitsForIt() {
        StatementFence fence = new StatementFence();
        Sinks.One<Long> server = Sinks.one(); // the write's result, delivered when the test says
        AtomicBoolean finished = new AtomicBoolean();
        Disposable caller = StatementFence.write(server.asMono().doOnNext(n -> finished.set(true)))
                .contextWrite(fence.context()).subscribe();
        caller.dispose(); // the caller cancels while the write is on its way

        AtomicBoolean closed = new AtomicBoolean();
        fence.close().subscribe(v -> { }, e -> { }, () -> closed.set(true));
        assertThat(closed).as("the close waits for the write").isFalse();
        server.tryEmitValue(1L);
        assertThat(finished).as("the write ran to its end").isTrue();
        assertThat(closed).as("the close completes after it").isTrue();
    }

    @Test
    void aFailedWriteStillLetsTheCloseComplete() {
        StatementFence fence = new StatementFence();
        StepVerifier.create(StatementFence.write(Mono.<Long>error(new IllegalStateException("rejected")))
                        .contextWrite(fence.context()))
                .verifyErrorMessage("rejected");
        StepVerifier.create(fence.close()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void statementsStartedAfterTheCloseAreRefusedUnsent() {
        StatementFence fence = new StatementFence();
        fence.close().block(TIMEOUT);
        AtomicInteger sent = new AtomicInteger();
        StepVerifier.create(StatementFence.write(Mono.fromCallable(sent::incrementAndGet)).contextWrite(fence.context()))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(MapperException.class);
                    assertThat(((MapperException) e).code()).isEqualTo(ErrorCode.BRAID_SESSION_CLOSED);
                    assertThat(e.getMessage()).isEqualTo("[BRAID_SESSION_CLOSED] A statement was started after its"
                            + " session began to end its transaction (the operation was cancelled, or the scope ended, while"
                            + " it ran); it was not sent. Fix: keep every statement inside the session's scope, and do not"
                            + " start more work from an operation that was cancelled");
                })
                .verify(TIMEOUT);
        StepVerifier.create(StatementFence.read(SQL, Flux.defer(() -> Flux.just(sent.incrementAndGet())))
                        .contextWrite(fence.context()))
                .expectErrorMatches(e -> e instanceof MapperException m && m.code() == ErrorCode.BRAID_SESSION_CLOSED)
                .verify(TIMEOUT);
        assertThat(sent).as("nothing was sent").hasValue(0);
    }

    @Test
    void withoutAFenceInTheContextWritesStillRunToTheirEndAndNothingIsRefused() {
        Sinks.One<Long> server = Sinks.one();
        AtomicBoolean finished = new AtomicBoolean();
        StatementFence.write(server.asMono().doOnNext(n -> finished.set(true))).subscribe().dispose();
        server.tryEmitValue(1L);
        assertThat(finished).isTrue();
        StepVerifier.create(StatementFence.read(SQL, Flux.just(1, 2))).expectNext(1, 2).verifyComplete();
    }

    @Test
    void beforeTheCloseSettledOnlyWaitsAndLaterWritesRun() {
        StatementFence fence = new StatementFence();
        StepVerifier.create(StatementFence.write(Mono.just(3L)).contextWrite(fence.context())).expectNext(3L).verifyComplete();
        StepVerifier.create(fence.settled()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(StatementFence.write(Mono.just(4L)).contextWrite(fence.context())).expectNext(4L).verifyComplete();
    }
}
