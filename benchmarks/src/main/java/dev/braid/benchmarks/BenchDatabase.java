package dev.braid.benchmarks;

import dev.braid.benchmarks.model.Author;
import dev.braid.benchmarks.model.Book;
import dev.braid.benchmarks.model.Group;
import dev.braid.benchmarks.model.User;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.Mapper;
import dev.braid.reactive.MapperBuilder;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark schema and data (names as in the issue, see {@link BenchSchema}), on embedded H2, on PostgreSQL
 * ({@code -Dbraid.bench.pg=r2dbc:postgresql://postgres@127.0.0.1:5432/test}, schema {@code braid_bench}) or on
 * MariaDB (environment variable {@code BRAID_MARIADB_URL}, else {@code r2dbc:mariadb://root@127.0.0.1:3306/test};
 * a fresh database {@code braid_bench_<n>} per instance, dropped by {@link #close()}), behind one connection pool
 * that both Braid and the hand-written baseline use, over a decorator that counts the statements sent.
 */
public final class BenchDatabase implements AutoCloseable {
    /** "h2", "postgresql" or "mariadb". */
    public final String kind;
    public final boolean postgres;
    public final boolean mariadb;
    public final ConnectionPool pool;
    public final Mapper mapper;
    public final AtomicLong statements = new AtomicLong();
    public final int authors;
    public final int users;
    private final ConnectionFactory admin;
    private final String database;

    public BenchDatabase(String db, int authors, int users) {
        if (!List.of("h2", "postgresql", "mariadb").contains(db)) {
            throw new IllegalArgumentException("Unknown database " + db + ": use h2, postgresql or mariadb");
        }
        this.kind = db;
        this.postgres = db.equals("postgresql");
        this.mariadb = db.equals("mariadb");
        this.authors = authors;
        this.users = users;
        ConnectionFactory raw;
        if (postgres) {
            String url = System.getProperty("braid.bench.pg", "r2dbc:postgresql://postgres@127.0.0.1:5432/test");
            this.admin = ConnectionFactories.get(url);
            this.database = null;
            run(admin, "DROP SCHEMA IF EXISTS braid_bench CASCADE", "CREATE SCHEMA braid_bench");
            raw = ConnectionFactories.get(url + "?schema=braid_bench");
        } else if (mariadb) {
            String url = System.getenv("BRAID_MARIADB_URL");
            ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(
                    url == null || url.isBlank() ? "r2dbc:mariadb://root@127.0.0.1:3306/test" : url.trim());
            this.admin = ConnectionFactories.get(options);
            this.database = "braid_bench_" + System.nanoTime();
            // The binary collation compares and sorts as PostgreSQL and H2 do (the default one ignores case).
            run(admin, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            raw = ConnectionFactories.get(options.mutate().option(ConnectionFactoryOptions.DATABASE, database).build());
        } else {
            this.admin = null;
            this.database = null;
            // H2 hands back its last result when a statement repeats with the same binds on unchanged
            // tables. A benchmark repeats everything, so that would time H2's cache, not the query:
            // every hand-written query would hit it, Braid's chunked selectin queries never.
            raw = ConnectionFactories.get("r2dbc:h2:mem:///braid_bench_" + System.nanoTime()
                    + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
        }
        ConnectionFactory counting = new CountingConnectionFactory(raw, statements);
        this.pool = new ConnectionPool(ConnectionPoolConfiguration.builder(counting)
                .initialSize(2).maxSize(4).maxIdleTime(Duration.ofMinutes(10)).build());
        MappingRegistry registry = MappingRegistry.builder().entity(Author.class, Book.class, User.class, Group.class).build();
        MapperBuilder builder = Mapper.builder(pool, registry);
        if (Integer.getInteger("braid.bench.fetchSize") != null) builder.fetchSize(Integer.getInteger("braid.bench.fetchSize"));
        this.mapper = builder.build();
        try {
            run(pool, BenchSchema.statements(db, authors, users).toArray(String[]::new));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        statements.set(0);
    }

    /** The label of this database in the tables: H2, PostgreSQL or MariaDB. */
    public String label() {
        return label(kind);
    }

    static String label(String kind) {
        return switch (kind) {
            case "postgresql" -> "PostgreSQL";
            case "mariadb" -> "MariaDB";
            default -> "H2";
        };
    }

    /** Runs statements on a fresh connection of {@code factory} (set-up code: blocking is fine here). */
    public static void run(ConnectionFactory factory, String... sql) {
        Mono.usingWhen(Mono.from(factory.create()),
                (Connection c) -> Flux.fromArray(sql)
                        // ANALYZE TABLE (MariaDB) answers with rows, not an update count.
                        .concatMap(s -> Flux.from(c.createStatement(s).execute()).concatMap(r -> s.startsWith("ANALYZE TABLE")
                                ? Flux.from(r.map((row, m) -> 1L)) : Flux.from(r.getRowsUpdated())))
                        .then(),
                Connection::close).block(Duration.ofMinutes(5));
    }

    public void run(String... sql) {
        run(pool, sql);
    }

    public long single(String sql) {
        return Mono.usingWhen(Mono.from(pool.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .concatMap(r -> r.map((row, m) -> ((Number) row.get(0)).longValue())).next(),
                Connection::close).block(Duration.ofMinutes(1));
    }

    public List<Long> ids(String sql) {
        return Flux.usingWhen(Mono.from(pool.create()),
                (Connection c) -> Flux.from(c.createStatement(sql).execute())
                        .concatMap(r -> r.map((row, m) -> ((Number) row.get(0)).longValue())),
                Connection::close).collectList().block(Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(30));
        if (mariadb && admin != null) run(admin, "DROP DATABASE IF EXISTS " + database);
    }
}
