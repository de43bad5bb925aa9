package dev.braid.reactive;

import dev.braid.dialect.Dialect;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Picks the dialect for the server behind a connection factory ({@link MapperBuilder#buildForServer()}): opens one
 * connection, reads the driver's version string and, where the product's dialect has one, the result of its
 * {@link Dialect#serverVersionQuery() version query}, chooses with {@link Dialect#forServer(String, String)}, and
 * closes the connection whether that succeeded, failed or was cancelled.
 */
final class ServerDialect {
    private ServerDialect() {}

    /** The dialect for {@code factory}'s server; errors with the driver's error or {@code BRAID_ARGUMENT} (no dialect). */
    static Mono<Dialect> detect(ConnectionFactory factory) {
        return Mono.defer(() -> {
            String product = factory.getMetadata().getName();
            Dialect byProduct = Dialect.forProductName(product);
            return Mono.usingWhen(factory.create(),
                    connection -> version(connection, byProduct).map(version -> Dialect.forServer(product, version)),
                    Connection::close,
                    (connection, error) -> connection.close(),
                    Connection::close);
        });
    }

    // The version query's single value, else (no query, or no row) the driver's version string.
    private static Mono<String> version(Connection connection, Dialect byProduct) {
        String driverVersion = String.valueOf(connection.getMetadata().getDatabaseVersion());
        return byProduct.serverVersionQuery()
                .map(sql -> Flux.from(connection.createStatement(sql).execute())
                        .concatMap(result -> result.map((row, meta) -> String.valueOf(row.get(0))))
                        .next()
                        .defaultIfEmpty(driverVersion))
                .orElseGet(() -> Mono.just(driverVersion));
    }
}
