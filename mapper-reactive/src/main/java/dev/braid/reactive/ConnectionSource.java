package dev.braid.reactive;

import dev.braid.error.ConnectionUnavailableException;
import dev.braid.error.MapperException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Obtains the connections of a mapper's sessions: never waits longer than the acquire timeout (a pool
 * without an acquire timeout of its own would otherwise wait forever), and reports every failure to
 * obtain one as {@code BRAID_CONNECTION_UNAVAILABLE}. The pool's acquisition is never cancelled: a
 * connection that arrives after the timeout (or after the caller has gone) is closed, i.e. released to
 * the pool, as soon as it arrives.
 */
final class ConnectionSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSource.class);

    private final ConnectionFactory factory;
    private final Duration acquireTimeout;

    ConnectionSource(ConnectionFactory factory, Duration acquireTimeout) {
        this.factory = factory;
        this.acquireTimeout = acquireTimeout;
    }

    /**
     * A connection for {@code operation} (named in errors, e.g. "mapper.inTransaction(...)").
     *
     * <p>A cancel is never passed on to the pool: r2dbc-pool releases the connection of a cancelled
     * acquisition itself, also when the cancel crosses the connection on its way to the caller (e.g. a
     * {@code timeout} firing as it arrives), and the caller then uses a connection the pool already
     * handed to someone else: two sessions on one connection, one's BEGIN ignored inside the other's
     * transaction, one's ROLLBACK ending the other's. Here whichever comes first wins: the connection goes
     * to the caller, or, once the caller has gone, back to the pool as soon as it arrives.
     */
    Mono<Connection> acquire(String operation) {
        return Mono.<Connection>create(sink -> {
                    AtomicBoolean settled = new AtomicBoolean();
                    AtomicReference<Disposable> timer = new AtomicReference<>();
                    sink.onCancel(() -> {
                        settled.set(true);
                        disposeTimer(timer);
                    });
                    Mono.<Connection>from(factory.create()).subscribe(connection -> {
                        disposeTimer(timer);
                        if (settled.compareAndSet(false, true)) {
                            sink.success(connection);
                        } else {
                            close(connection);
                        }
                    }, error -> {
                        disposeTimer(timer);
                        if (settled.compareAndSet(false, true)) sink.error(error);
                    });
                    // A pool with an idle connection answers during subscribe: only an acquisition that
                    // waits gets a timer (scheduling one per acquisition cost ~10% of a small request).
                    if (!settled.get()) {
                        Disposable scheduled = Schedulers.parallel().schedule(() -> {
                            if (settled.compareAndSet(false, true)) sink.error(new TimeoutException());
                        }, acquireTimeout.toMillis(), TimeUnit.MILLISECONDS);
                        if (!timer.compareAndSet(null, scheduled)) scheduled.dispose();
                    }
                })
                // A connection delivered just as the caller cancels is discarded by Mono.create: release it.
                .doOnDiscard(Connection.class, ConnectionSource::close)
                .onErrorMap(e -> !(e instanceof MapperException), e -> unavailable(operation, e));
    }

    private static void disposeTimer(AtomicReference<Disposable> timer) {
        Disposable scheduled = timer.getAndSet(Disposables.disposed());
        if (scheduled != null) scheduled.dispose();
    }

    private static void close(Connection connection) {
        Mono.from(connection.close()).subscribe(null, e -> LOG.warn("Releasing an unused connection failed", e));
    }

    private ConnectionUnavailableException unavailable(String operation, Throwable error) {
        if (error instanceof TimeoutException) {
            return new ConnectionUnavailableException("No connection for " + operation + " within " + acquireTimeout
                    + ": every pooled connection stayed in use (or the database did not answer). Fix: return"
                    + " connections promptly (end sessions, do not open a session inside another session's work),"
                    + " enlarge the pool's maxSize, or raise Mapper.builder().acquireTimeout(...)", error);
        }
        return new ConnectionUnavailableException("Could not obtain a connection for " + operation + ": "
                + error.getMessage() + ". Fix: check that the database is reachable and accepts connections, and"
                + " that the pool is large enough for the concurrent sessions (its own acquire timeout fired if"
                + " the message says so)", error);
    }
}
