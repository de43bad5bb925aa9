package dev.braid.reactive;

import dev.braid.core.error.ConnectionUnavailableException;
import dev.braid.core.error.MapperException;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Obtains the connections of a mapper's sessions: never waits longer than the acquire timeout (a pool
 * without an acquire timeout of its own would otherwise wait forever), and reports every failure to
 * obtain one as {@code BRAID_CONNECTION_UNAVAILABLE}. A connection that arrives after the timeout is
 * the pool's to reclaim (r2dbc-pool releases connections dropped by a cancelled acquisition).
 */
final class ConnectionSource {
    private final ConnectionFactory factory;
    private final Duration acquireTimeout;

    ConnectionSource(ConnectionFactory factory, Duration acquireTimeout) {
        this.factory = factory;
        this.acquireTimeout = acquireTimeout;
    }

    /** A connection for {@code operation} (named in errors, e.g. "mapper.inTransaction(...)"). */
    Mono<Connection> acquire(String operation) {
        return Mono.defer(() -> Mono.<Connection>from(factory.create()))
                .timeout(acquireTimeout)
                .onErrorMap(e -> !(e instanceof MapperException), e -> unavailable(operation, e));
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
