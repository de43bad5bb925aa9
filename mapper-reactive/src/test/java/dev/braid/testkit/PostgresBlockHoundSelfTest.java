package dev.braid.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.blockhound.BlockingOperationError;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Runs in both surefire executions and asserts something in each: under {@code braid.blockhound=true} (the
 * {@code blockhound} execution) a blocking call on a Reactor parallel thread must fail with
 * {@link BlockingOperationError}; without it the same code must succeed.
 */
class PostgresBlockHoundSelfTest {

    @BeforeAll
    static void installBlockHoundIfEnabled() {
        BlockHoundSupport.installIfEnabled();
    }

    private static final Callable<Integer> SLEEPS = () -> {
        Thread.sleep(1);
        return 1;
    };

    @Test
    void blockingOnAParallelThreadFailsExactlyWhenBlockHoundIsOn() {
        Mono<Integer> blocking = Mono.fromCallable(SLEEPS).subscribeOn(Schedulers.parallel());
        if (BlockHoundSupport.enabled()) {
            assertThat(BlockHoundSupport.installed()).isTrue();
            Throwable thrown = catchThrowable(blocking::block);
            assertThat(thrown).as("blocking call on a parallel thread").isNotNull();
            assertThat(causeChain(thrown)).anyMatch(BlockingOperationError.class::isInstance);
        } else {
            assertThat(BlockHoundSupport.installed()).isFalse();
            assertThat(blocking.block()).isEqualTo(1);
        }
    }

    @Test
    void blockingInsideAPostgresDriverCallbackFailsExactlyWhenBlockHoundIsOn() {
        try (PostgresTestDatabase db = TestDatabase.postgres()) {
            AtomicReference<String> emittingThread = new AtomicReference<>();
            Mono<Integer> blockingOnDriverThread = Mono.usingWhen(Mono.from(db.connectionFactory().create()),
                (Connection c) -> Flux.from(c.createStatement("SELECT 1").execute())
                    .concatMap(r -> r.map((row, md) -> row.get(0, Integer.class)))
                    .next()
                    .map(v -> {
                        emittingThread.set(Thread.currentThread().getName());
                        try {
                            return SLEEPS.call() * v;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }),
                Connection::close);
            if (BlockHoundSupport.enabled()) {
                Throwable thrown = catchThrowable(() -> blockingOnDriverThread.block(Duration.ofSeconds(30)));
                assertThat(causeChain(thrown)).anyMatch(BlockingOperationError.class::isInstance);
            } else {
                assertThat(blockingOnDriverThread.block(Duration.ofSeconds(30))).isEqualTo(1);
            }
            // Rows are emitted on the driver's (Netty) event loop, not on the test thread.
            assertThat(emittingThread.get()).isNotNull().isNotEqualTo(Thread.currentThread().getName());
        }
    }

    @Test
    void loggingFromANonBlockingThreadIsAllowed() {
        // slf4j-simple writes synchronously to System.err; under surefire that must not trip BlockHound.
        Mono<Integer> logs = Mono.fromCallable(() -> {
            LoggerFactory.getLogger(PostgresBlockHoundSelfTest.class).warn("logging from {}", Thread.currentThread().getName());
            return 1;
        }).subscribeOn(Schedulers.parallel());
        assertThat(logs.block()).isEqualTo(1);
    }

    @Test
    void theTestThreadMayAlwaysBlock() throws Exception {
        assertThat(SLEEPS.call()).isEqualTo(1);
        assertThat(Mono.fromCallable(SLEEPS).block()).isEqualTo(1);
    }

    private static List<Throwable> causeChain(Throwable t) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }
}
