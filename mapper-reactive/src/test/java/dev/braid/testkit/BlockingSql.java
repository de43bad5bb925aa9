package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * Blocking one-statement helpers for the test kit's own PostgreSQL clusters ({@link PostgresReplicaPair}): a fresh
 * unpooled connection per statement, and polling until a condition holds. Test setup code only.
 */
final class BlockingSql {
    private static final Duration BLOCK = Duration.ofSeconds(60);

    private BlockingSql() {
    }

    /** An unpooled r2dbc-postgresql factory for {@code database} on 127.0.0.1:{@code port}, user {@code postgres}, no password. */
    static ConnectionFactory factory(int port, String database) {
        return ConnectionFactories.get(ConnectionFactoryOptions.builder()
                .option(DRIVER, "postgresql")
                .option(HOST, "127.0.0.1")
                .option(PORT, port)
                .option(USER, "postgres")
                .option(DATABASE, database)
                .option(CONNECT_TIMEOUT, Duration.ofSeconds(5))
                .build());
    }

    /**
     * Runs {@code sql} with {@code binds} ($1, $2, ...) on a fresh connection of {@code factory}; returns the first
     * column of the first row as text ({@code String.valueOf}), null without a row or for SQL NULL. Errors propagate.
     */
    static String query(ConnectionFactory factory, String sql, Object... binds) {
        List<Optional<String>> values = Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> {
                    Statement statement = c.createStatement(sql);
                    for (int i = 0; i < binds.length; i++) statement.bind(i, binds[i]);
                    return Flux.from(statement.execute())
                            .concatMap(r -> r.map((row, md) -> Optional.ofNullable(row.get(0)).map(String::valueOf)))
                            .collectList();
                },
                Connection::close)
            .block(BLOCK);
        return values == null || values.isEmpty() ? null : values.get(0).orElse(null);
    }

    /**
     * Polls {@code condition} every 20 ms (an exception counts as "not yet") until it holds; after {@code timeout}
     * throws naming {@code what}, with {@code diagnostics} (the servers' log tails) and the last exception as cause.
     */
    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) return;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(20); // test setup code: polling a server is fine here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for: " + what + "\n"
                + diagnostics.get(), last);
    }
}
