package dev.braid.testkit;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.DRIVER;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

/**
 * The PostgreSQL server the test kit uses, discovered once per JVM ({@link #get()}):
 * <ol>
 *   <li>environment variable {@value #URL_ENV}, an r2dbc URL such as
 *       {@code r2dbc:postgresql://user:pw@host:5432/db} — used as is, a failure to connect is an error;</li>
 *   <li>otherwise a server accepting TCP connections on 127.0.0.1:5432 within ~1 s, logged into as user
 *       {@code postgres} (then the OS user) without password, database {@code test} (then {@code postgres});</li>
 *   <li>otherwise a zonky {@link EmbeddedPostgres}, started once and stopped by a JVM shutdown hook.</li>
 * </ol>
 * System property {@value #FORCE_EMBEDDED_PROPERTY}{@code =true} skips 1 and 2 (to check the embedded fallback).
 * The choice is logged at INFO by logger {@code dev.braid.testkit.PostgresServer}.
 */
public final class PostgresServer {

    public static final String URL_ENV = "BRAID_PG_URL";
    public static final String FORCE_EMBEDDED_PROPERTY = "braid.pg.forceEmbedded";

    static final Duration CONNECT_TIMEOUT_VALUE = Duration.ofSeconds(10);
    static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;

    /** Where the server came from. */
    public enum Source { ENV, LOCAL, EMBEDDED }

    private final Source source;
    private final ConnectionFactoryOptions options;
    private final ConnectionFactory adminConnectionFactory;

    private PostgresServer(Source source, ConnectionFactoryOptions options) {
        this.source = source;
        this.options = options.mutate()
            .option(CONNECT_TIMEOUT, CONNECT_TIMEOUT_VALUE)
            .build();
        this.adminConnectionFactory = ConnectionFactories.get(this.options.mutate()
            .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, "braid_testkit_admin")
            .build());
    }

    /** The server for this JVM; discovers (and maybe starts) it on first call. */
    public static PostgresServer get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final PostgresServer INSTANCE = discover();
    }

    public Source source() {
        return source;
    }

    public String host() {
        return (String) options.getRequiredValue(HOST);
    }

    public int port() {
        Object port = options.getValue(PORT);
        return port == null ? LOCAL_PORT : port instanceof Integer ? (Integer) port : Integer.parseInt(port.toString());
    }

    public String user() {
        return (String) options.getRequiredValue(USER);
    }

    public String database() {
        return (String) options.getRequiredValue(DATABASE);
    }

    /** Options of the server's database, without schema. */
    public ConnectionFactoryOptions options() {
        return options;
    }

    /**
     * A factory for administrative work (creating/dropping schemas, reading {@code pg_stat_activity}); its
     * connections carry application_name {@code braid_testkit_admin}.
     */
    public ConnectionFactory adminConnectionFactory() {
        return adminConnectionFactory;
    }

    /** A factory whose connections use {@code schema} as search path and report {@code applicationName}. */
    public ConnectionFactory connectionFactory(String schema, String applicationName) {
        if (PgBouncer.enabled()) {
            // Through PgBouncer the test's namespace is a database of its own (PostgresTestDatabase creates it):
            // PgBouncer 1.18 refuses search_path in the startup packet, and a SET would not survive the next
            // transaction. Named prepared statements would not either: the driver's statement cache is off.
            return ConnectionFactories.get(options.mutate()
                .option(HOST, "127.0.0.1")
                .option(PORT, PgBouncer.in(this).port())
                .option(DATABASE, schema)
                .option(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES, 0)
                .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName)
                .build());
        }
        return ConnectionFactories.get(options.mutate()
            .option(PostgresqlConnectionFactoryProvider.SCHEMA, schema)
            .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName)
            .build());
    }

    @Override
    public String toString() {
        return source + " postgresql://" + user() + "@" + host() + ":" + port() + "/" + database();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static PostgresServer discover() {
        BlockHoundSupport.installIfEnabled();
        PostgresServer server;
        if (Boolean.getBoolean(FORCE_EMBEDDED_PROPERTY)) {
            LOG.info("{}=true: skipping {} and {}:{}", FORCE_EMBEDDED_PROPERTY, URL_ENV, LOCAL_HOST, LOCAL_PORT);
            server = startEmbedded();
        } else {
            String url = System.getenv(URL_ENV);
            if (url != null && !url.isBlank()) {
                server = fromUrl(url.trim());
            } else {
                server = local();
                if (server == null) {
                    server = startEmbedded();
                }
            }
        }
        LOG.info("Braid test kit uses PostgreSQL {}", server);
        return server;
    }

    private static PostgresServer fromUrl(String url) {
        ConnectionFactoryOptions parsed = ConnectionFactoryOptions.parse(url);
        String driver = (String) parsed.getValue(DRIVER);
        if (!"postgresql".equals(driver) && !"postgres".equals(driver)) {
            throw new IllegalStateException(URL_ENV + " must be an r2dbc:postgresql:// URL, got driver " + driver);
        }
        PostgresServer server = new PostgresServer(Source.ENV, parsed);
        try {
            ping(server.adminConnectionFactory);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot connect to PostgreSQL given by " + URL_ENV + " (" + server + ")", e);
        }
        return server;
    }

    /** The server on 127.0.0.1:5432 if one is there and lets us in, else null. */
    private static PostgresServer local() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 1000);
        } catch (IOException e) {
            LOG.info("Nothing accepts connections on {}:{} ({})", LOCAL_HOST, LOCAL_PORT, e.toString());
            return null;
        }
        Set<String> users = new LinkedHashSet<>(List.of("postgres", System.getProperty("user.name", "postgres")));
        for (String database : List.of("test", "postgres")) {
            for (String user : users) {
                PostgresServer candidate = new PostgresServer(Source.LOCAL, ConnectionFactoryOptions.builder()
                    .option(DRIVER, "postgresql")
                    .option(HOST, LOCAL_HOST)
                    .option(PORT, LOCAL_PORT)
                    .option(USER, user)
                    .option(DATABASE, database)
                    .build());
                try {
                    ping(candidate.adminConnectionFactory);
                    return candidate;
                } catch (RuntimeException e) {
                    LOG.info("Cannot use {}: {}", candidate, e.toString());
                }
            }
        }
        LOG.warn("Something listens on {}:{} but no trust login worked; falling back to embedded PostgreSQL",
            LOCAL_HOST, LOCAL_PORT);
        return null;
    }

    private static PostgresServer startEmbedded() {
        EmbeddedPostgres embedded;
        try {
            LOG.info("Starting embedded PostgreSQL (zonky)...");
            embedded = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("braid test kit: could not stop embedded PostgreSQL: " + e);
            }
        }, "braid-embedded-postgres-shutdown"));
        PostgresServer server = new PostgresServer(Source.EMBEDDED, ConnectionFactoryOptions.builder()
            .option(DRIVER, "postgresql")
            .option(HOST, LOCAL_HOST)
            .option(PORT, embedded.getPort())
            .option(USER, "postgres")
            .option(DATABASE, "postgres")
            .build());
        ping(server.adminConnectionFactory);
        return server;
    }

    private static void ping(ConnectionFactory factory) {
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement("SELECT 1").execute())
                    .flatMap(r -> r.map((row, md) -> row.get(0)))
                    .then(),
                Connection::close)
            .block(Duration.ofSeconds(15));
    }

    /** Runs {@code sql} statements, in order, on a fresh admin connection (test setup code: blocks). */
    void executeAdmin(String... sql) {
        Mono.usingWhen(Mono.from(adminConnectionFactory.create()),
                (Connection c) -> Flux.fromArray(sql)
                    .concatMap(s -> Flux.from(c.createStatement(s).execute()).concatMap(r -> r.getRowsUpdated()))
                    .then(),
                Connection::close)
            .block(BLOCK_TIMEOUT);
    }
}
