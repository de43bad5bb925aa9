package dev.braid.benchmarks;

import dev.braid.benchmarks.model.Author;
import dev.braid.benchmarks.model.Book;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.ReplicaOptions;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A PostgreSQL primary and a streaming standby of it, set up for {@link ReplicaReads}: the benchmark's authors and
 * books (10 a author, {@link BenchSchema}) written to schema {@value #SCHEMA} on the primary and awaited on the
 * standby; one connection pool per server; mappers over the same pools, {@link #alone} (the primary only),
 * {@link #routed} (the standby as its replica), {@link #routedPolling1ms} and {@link #onStandby}. Each pool counts
 * the data reads it serves ({@code SELECT}s that are not replication probes), and the standby's pool also the
 * replay-position probes Braid sends it. Set-up code: blocks.
 */
final class ReplicaBench implements AutoCloseable {
    static final String SCHEMA = "braid_bench";

    final int authors;
    final ConnectionPool primary;
    final ConnectionPool replica;
    /** Reads on the primary only (no replicas). */
    final Mapper alone;
    /** Reads on the replica, read-your-writes per {@link ReplicaOptions#defaults()} (polled every 5 ms). */
    final Mapper routed;
    /** As {@link #routed}, but a read waiting for its write's replay asks the replica every millisecond. */
    final Mapper routedPolling1ms;
    /** A plain mapper (no replicas) on the standby's pool: its reads go there without routing. */
    final Mapper onStandby;
    final AtomicLong primaryReads = new AtomicLong();
    final AtomicLong replicaReads = new AtomicLong();
    final AtomicLong replicaProbes = new AtomicLong();
    private final ConnectionFactory primaryRaw;
    private final ConnectionFactory replicaRaw;

    /**
     * @param primaryUrl an r2dbc URL of the primary (e.g. {@code r2dbc:postgresql://postgres@127.0.0.1:5432/test})
     * @param replicaUrl an r2dbc URL of a streaming standby of it, same database
     * @param poolSize   connections per server
     */
    ReplicaBench(String primaryUrl, String replicaUrl, int authors, int poolSize) {
        this.authors = authors;
        BenchDatabase.run(ConnectionFactories.get(primaryUrl), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE",
                "CREATE SCHEMA " + SCHEMA);
        this.primaryRaw = ConnectionFactories.get(inSchema(primaryUrl));
        this.replicaRaw = ConnectionFactories.get(inSchema(replicaUrl));
        this.primary = pool(new CountingConnectionFactory(primaryRaw, primaryReads, ReplicaBench::isRead), poolSize);
        this.replica = pool(new CountingConnectionFactory(
                new CountingConnectionFactory(replicaRaw, replicaReads, ReplicaBench::isRead),
                replicaProbes, sql -> sql.contains("pg_last_wal_replay_lsn")), poolSize);
        MappingRegistry registry = MappingRegistry.builder().entity(Author.class, Book.class).build();
        this.alone = Mapper.builder(primary, registry).build();
        this.routed = Mapper.builder(primary, registry).replicas(replica).replicaOptions(ReplicaOptions.defaults()).build();
        this.routedPolling1ms = Mapper.builder(primary, registry).replicas(replica)
                .replicaOptions(ReplicaOptions.defaults().pollInterval(Duration.ofMillis(1))).build();
        this.onStandby = Mapper.builder(replica, registry).build();
        try {
            BenchDatabase.run(primary, BenchSchema.statements("postgresql", authors, 0).toArray(String[]::new));
            awaitReplayed(Duration.ofMinutes(2));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        resetCounts();
    }

    /** Whether {@code sql} reads data (not a replication position, lag or probe query). */
    static boolean isRead(String sql) {
        return sql.startsWith("SELECT") && !sql.contains("pg_");
    }

    void resetCounts() {
        primaryReads.set(0);
        replicaReads.set(0);
        replicaProbes.set(0);
    }

    /** Waits until the standby has replayed everything the primary had written when this was called. */
    void awaitReplayed(Duration limit) {
        String lsn = Objects.requireNonNull(text(primaryRaw, "SELECT pg_current_wal_lsn()::text"));
        long deadline = System.nanoTime() + limit.toNanos();
        while (!"true".equals(text(replicaRaw, "SELECT (pg_last_wal_replay_lsn() >= $1::pg_lsn)::text", lsn))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The standby did not replay the primary's " + lsn + " within " + limit
                        + ": is it a streaming standby of the primary, with replay running?");
            }
            Mono.delay(Duration.ofMillis(50)).block();
        }
    }

    /** The first column of {@code sql}'s first row on the primary, as a number. */
    long single(String sql) {
        return Long.parseLong(Objects.requireNonNull(text(primaryRaw, sql)));
    }

    private static String text(ConnectionFactory factory, String sql, Object... binds) {
        return Mono.usingWhen(Mono.from(factory.create()), (Connection c) -> {
            var statement = c.createStatement(sql);
            for (int i = 0; i < binds.length; i++) statement.bind(i, binds[i]);
            return Flux.from(statement.execute()).concatMap(r -> r.map((row, m) -> String.valueOf(row.get(0)))).next();
        }, Connection::close).block(Duration.ofSeconds(30));
    }

    private static String inSchema(String url) {
        return url + (url.contains("?") ? "&" : "?") + "schema=" + SCHEMA;
    }

    private static ConnectionPool pool(ConnectionFactory factory, int size) {
        return new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(size).maxSize(size).maxIdleTime(Duration.ofMinutes(10)).build());
    }

    @Override
    public void close() {
        primary.disposeLater().block(Duration.ofSeconds(30));
        replica.disposeLater().block(Duration.ofSeconds(30));
    }
}
