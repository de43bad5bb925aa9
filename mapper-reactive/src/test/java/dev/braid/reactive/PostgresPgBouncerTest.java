package dev.braid.reactive;

import dev.braid.mapping.MappingRegistry;
import dev.braid.query.Loads;
import dev.braid.query.Relation;
import dev.braid.reactive.graph.Novel;
import dev.braid.reactive.graph.Review;
import dev.braid.reactive.graph.Tag;
import dev.braid.reactive.graph.Writer;
import dev.braid.testkit.PgBouncer;
import dev.braid.testkit.PostgresServer;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.r2dbc.spi.ConnectionFactoryOptions.DATABASE;
import static io.r2dbc.spi.ConnectionFactoryOptions.HOST;
import static io.r2dbc.spi.ConnectionFactoryOptions.PORT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Braid behind PgBouncer in transaction pooling mode (the test kit starts Debian's PgBouncer 1.18 on a free
 * loopback port, see {@link PgBouncer}): every transaction of one client connection may run on another server
 * connection. Concurrent sessions write graphs, stream them through a cursor (inside a transaction, as Braid
 * always declares one) and read them back.
 * The whole PostgreSQL contract suite also runs through PgBouncer (the {@code pgbouncer} surefire execution).
 */
class PostgresPgBouncerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Relation<Writer, Novel> BOOKS = Relation.of(Writer.class, "books", Novel.class);
    private static final List<String> DATABASES = new ArrayList<>();
    private static PostgresServer server;

    @BeforeAll
    static void findServer() {
        server = PostgresServer.get();
    }

    @AfterAll
    static void dropDatabases() {
        for (String database : DATABASES) admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** A new database: PgBouncer keeps a pool of server connections per database, so each test has its own. */
    private static String newDatabase() {
        String database = "braid_pgb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + database);
        DATABASES.add(database);
        return database;
    }

    private static void admin(String sql) {
        Mono.usingWhen(Mono.from(server.adminConnectionFactory().create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute()).concatMap(r -> r.getRowsUpdated()).then(),
                Connection::close).block(TIMEOUT);
    }

    /** A factory for this test's database through PgBouncer; {@code statementCache}: -1 (driver default) or 0 (off). */
    private static ConnectionFactory throughPgBouncer(String database, int statementCache) {
        return ConnectionFactories.get(ConnectionFactoryOptions.builder().from(server.options())
                .option(HOST, "127.0.0.1")
                .option(PORT, PgBouncer.in(server).port())
                .option(DATABASE, database)
                .option(PostgresqlConnectionFactoryProvider.PREPARED_STATEMENT_CACHE_QUERIES, statementCache)
                .build());
    }

    private static MappingRegistry registry() {
        return MappingRegistry.builder().entity(Writer.class, Novel.class, Review.class, Tag.class).build();
    }

    private static Writer graph(String name) {
        Writer writer = new Writer(name);
        for (int b = 0; b < 3; b++) {
            Novel novel = new Novel(name + " book " + b);
            writer.books.add(novel);
            for (int r = 0; r < 2; r++) novel.reviews.add(new Review(r));
        }
        return writer;
    }

    private static long scalar(ConnectionFactory factory, String sql) {
        return Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .concatMap(r -> r.map((row, md) -> ((Number) row.get(0)).longValue())).single(),
                Connection::close).block(TIMEOUT);
    }

    @Test
    void concurrentSessionsWriteStreamAndReadWholeGraphsWhileServerConnectionsSwitch() {
        String database = newDatabase();
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(throughPgBouncer(database, 0))
                .maxSize(8).build());
        try {
            Mapper mapper = Mapper.builder(pool, registry()).build();
            mapper.schema().dropAll().then(mapper.schema().createAll()).block(TIMEOUT);

            // Transaction pooling is really in force: while other clients hold the server connection a client's
            // last statement ran on, its next statement runs on another backend.
            ConnectionFactory direct = throughPgBouncer(database, 0);
            Connection client = Mono.from(direct.create()).block(TIMEOUT);
            List<Connection> holders = new ArrayList<>();
            try {
                long before = pid(client);
                for (int i = 0; i < 10 && holders.stream().noneMatch(h -> pid(h) == before); i++) {
                    Connection holder = Mono.from(direct.create()).block(TIMEOUT);
                    Mono.from(holder.beginTransaction()).block(TIMEOUT);
                    holders.add(holder);
                }
                assertThat(pid(client)).as("backend of the client's next transaction").isNotEqualTo(before);
            } finally {
                release(holders);
                Mono.from(client.close()).block(TIMEOUT);
            }

            // 16 units of work at once over 8 client connections: each writes a graph, streams the writers
            // (DECLARE ... CURSOR in its transaction) and reads its own graph back with selectin.
            List<Long> counts = Flux.range(0, 16).flatMap(i -> mapper.inTransactionMono(s -> s.add(graph("w" + i))
                                    .then(s.select(Writer.class).stream(2).count())), 16)
                    .collectList().block(TIMEOUT);
            assertThat(counts).hasSize(16).allSatisfy(n -> assertThat(n).isBetween(1L, 16L));

            List<Writer> writers = mapper.withSession(s -> s.select(Writer.class).options(Loads.selectin(BOOKS)).all())
                    .collectList().block(TIMEOUT);
            assertThat(writers).hasSize(16).allSatisfy(w -> assertThat(w.books).hasSize(3)
                    .allSatisfy(n -> assertThat(n.title).startsWith(w.name + " book ")));
            assertThat(scalar(throughPgBouncer(database, 0), "SELECT count(*) FROM reviews")).isEqualTo(96);
        } finally {
            pool.dispose();
        }
    }

    private static long pid(Connection connection) {
        return Flux.from(connection.createStatement("SELECT pg_backend_pid()").execute())
                .concatMap(r -> r.map((row, md) -> ((Number) row.get(0)).longValue())).single().block(TIMEOUT);
    }

    private static void release(List<Connection> holders) {
        for (Connection holder : holders) Mono.from(holder.rollbackTransaction()).then(Mono.from(holder.close())).block(TIMEOUT);
    }
}
