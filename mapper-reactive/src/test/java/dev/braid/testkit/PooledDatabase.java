package dev.braid.testkit;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An r2dbc-pool {@link ConnectionPool} for tests (initialSize 0, maxSize {@value #MAX_SIZE}, idle connections closed
 * after {@link #MAX_IDLE_TIME}, acquisition failing after {@link #MAX_ACQUIRE_TIME} so a leak fails a test instead of
 * hanging it), plus helpers to check that every acquired connection went back.
 */
public final class PooledDatabase implements AutoCloseable {

    public static final int MAX_SIZE = 4;
    public static final Duration MAX_IDLE_TIME = Duration.ofSeconds(2);
    public static final Duration MAX_ACQUIRE_TIME = Duration.ofSeconds(10);

    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    private final ConnectionPool pool;

    private PooledDatabase(ConnectionFactory factory) {
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
            .name("braid-test-pool-" + POOL_IDS.incrementAndGet())
            .initialSize(0)
            .maxSize(MAX_SIZE)
            .maxIdleTime(MAX_IDLE_TIME)
            .maxAcquireTime(MAX_ACQUIRE_TIME)
            .maxCreateConnectionTime(MAX_ACQUIRE_TIME)
            .build());
    }

    /** A pool over {@code factory} (typically {@link StatementRecorder#connectionFactory()}). */
    public static PooledDatabase over(ConnectionFactory factory) {
        return new PooledDatabase(factory);
    }

    /** A pool over the recorder's recording factory. */
    public static PooledDatabase over(StatementRecorder recorder) {
        return new PooledDatabase(recorder.connectionFactory());
    }

    public ConnectionPool pool() {
        return pool;
    }

    private PoolMetrics metrics() {
        return pool.getMetrics().orElseThrow(() -> new IllegalStateException("pool metrics unavailable"));
    }

    /** Connections currently handed out ({@code PoolMetrics.acquiredSize()}). */
    public int acquiredConnections() {
        return metrics().acquiredSize();
    }

    /** Connections the pool currently holds, acquired or idle ({@code PoolMetrics.allocatedSize()}). */
    public int allocatedConnections() {
        return metrics().allocatedSize();
    }

    /**
     * Blocks (polling) until no connection is acquired or {@code max} elapses; true if all were released. Release is
     * asynchronous (a rollback may run first), so use this instead of reading {@link #acquiredConnections()} once.
     */
    public boolean awaitAllReleased(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (acquiredConnections() != 0) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Non-blocking variant of {@link #awaitAllReleased(Duration)}: completes once no connection is acquired, errors
     * with an {@link AssertionError} naming the count if {@code max} elapses first.
     */
    public Mono<Void> awaitIdle(Duration max) {
        return Flux.interval(Duration.ZERO, Duration.ofMillis(5))
            .filter(tick -> acquiredConnections() == 0)
            .next()
            .timeout(max)
            .onErrorMap(TimeoutException.class, e -> new AssertionError(
                "pool still has " + acquiredConnections() + " acquired connection(s) after " + max, e))
            .then();
    }

    /** Disposes the pool, closing its idle connections. */
    @Override
    public void close() {
        if (!pool.isDisposed()) {
            pool.disposeLater().block(PostgresServer.BLOCK_TIMEOUT);
        }
    }
}
