package dev.braid.examples.web;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/** Direct SQL against the application's database (not through Braid), and its pool's metrics. */
final class Sql {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final ConnectionFactory factory;

    Sql(ConnectionFactory factory) {
        this.factory = factory;
    }

    void execute(String... statements) {
        Mono.usingWhen(factory.create(),
                (Connection c) -> Flux.fromArray(statements)
                        .concatMap(sql -> Flux.from(c.createStatement(sql).execute()).flatMap(Result::getRowsUpdated))
                        .then(),
                Connection::close).block(WAIT);
    }

    long count(String sql) {
        return Mono.usingWhen(factory.create(),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .flatMap(result -> result.map((row, meta) -> row.get(0, Long.class)))
                        .single(),
                Connection::close).block(WAIT);
    }

    /** The first column of every row, as strings. */
    List<String> strings(String sql) {
        return Mono.usingWhen(factory.create(),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .flatMap(result -> result.map((row, meta) -> String.valueOf(row.get(0))))
                        .collectList(),
                Connection::close).block(WAIT);
    }

    /** The r2dbc-pool behind Spring Boot's ConnectionFactory bean (unwrapping r2dbc-proxy if it decorates it). */
    ConnectionPool pool() {
        Object f = factory;
        while (!(f instanceof ConnectionPool) && f instanceof Wrapped<?> wrapped) f = wrapped.unwrap();
        return (ConnectionPool) f;
    }

    /** Connections the pool has handed out and not got back. */
    int acquired() {
        return pool().getMetrics().orElseThrow().acquiredSize();
    }
}
