package dev.braid.testkit;

import io.r2dbc.spi.ConnectionFactory;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real PostgreSQL 15 primary and a streaming hot standby of it, for replica-routing tests; started once per JVM on
 * the first {@link #shared()} and stopped ({@code pg_ctl stop -m immediate}, directories deleted) at JVM exit.
 *
 * <p>Both are clusters of the kit's own ({@link LocalPgCluster}: Debian's {@code /usr/lib/postgresql/15/bin}, run as
 * the {@code postgres} OS user when the JVM is root) in a directory under {@code java.io.tmpdir}, on free loopback
 * ports, trust authentication, user {@code postgres}. The primary has database {@value #DATABASE_NAME}; the standby
 * is a {@code pg_basebackup -R -X stream} of it, so it has that database too. System property
 * {@value #SKIP_PROPERTY}{@code =true} makes {@link #shared()} abort (skip) the calling test instead.
 *
 * <p>All methods block (test code). Replay state is shared by every test of the JVM: a test that pauses replay or
 * stops the standby should undo it, or call {@link #resetSchema()}, which also restores a running, replaying standby.
 */
public final class PostgresReplicaPair {
    /** System property that skips every test using the pair (they abort rather than fail). */
    public static final String SKIP_PROPERTY = "braid.skipReplicas";
    /** The database the tests use, on both servers. */
    public static final String DATABASE_NAME = "braid";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReplicaPair.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Path baseDir;
    private final LocalPgCluster primary;
    private final LocalPgCluster replica;
    private final ConnectionFactory primaryFactory;
    private final ConnectionFactory replicaFactory;
    private volatile boolean replicaRunning = true;

    private PostgresReplicaPair(Path baseDir, LocalPgCluster primary, LocalPgCluster replica) {
        this.baseDir = baseDir;
        this.primary = primary;
        this.replica = replica;
        this.primaryFactory = BlockingSql.factory(primary.port(), DATABASE_NAME);
        this.replicaFactory = BlockingSql.factory(replica.port(), DATABASE_NAME);
    }

    /** The JVM's pair, started on the first call; aborts the calling test if {@value #SKIP_PROPERTY}{@code =true}. */
    public static PostgresReplicaPair shared() {
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            throw new TestAbortedException(SKIP_PROPERTY + "=true: PostgreSQL primary/replica tests skipped");
        }
        return Holder.get();
    }

    private static final class Holder {
        private static PostgresReplicaPair instance;
        private static RuntimeException failure;

        static synchronized PostgresReplicaPair get() {
            if (instance == null && failure == null) {
                try {
                    instance = launch();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) throw new IllegalStateException("The PostgreSQL primary/replica pair did not start", failure);
            return instance;
        }
    }

    /** The primary's loopback port. */
    public int primaryPort() {
        return primary.port();
    }

    /** The standby's loopback port. */
    public int replicaPort() {
        return replica.port();
    }

    /** The tests' database, {@value #DATABASE_NAME}, on both servers. */
    public String database() {
        return DATABASE_NAME;
    }

    /** An unpooled factory of connections to the primary's {@link #database()}, as user {@code postgres}. */
    public ConnectionFactory primaryFactory() {
        return primaryFactory;
    }

    /** An unpooled factory of connections to the standby's {@link #database()} (read only), as user {@code postgres}. */
    public ConnectionFactory replicaFactory() {
        return replicaFactory;
    }

    /** Pauses WAL replay on the standby and waits until it has paused: the primary's later writes stay invisible there. */
    public void pauseReplay() {
        sql(true, "SELECT pg_wal_replay_pause()");
        await("standby replay paused", () -> "paused".equals(sql(true, "SELECT pg_get_wal_replay_pause_state()")));
    }

    /** Resumes WAL replay on the standby (it then catches up on its own; see {@link #awaitReplicaCaughtUp()}). */
    public void resumeReplay() {
        sql(true, "SELECT pg_wal_replay_resume()");
    }

    /** Stops the standby ({@code pg_ctl stop -m fast}): connecting to {@link #replicaPort()} then fails. */
    public void stopReplica() {
        replica.stop("fast");
        replicaRunning = false;
    }

    /** Starts the stopped standby again and waits until it answers as a standby (replay resumes, unpaused). */
    public void startReplica() {
        replica.start();
        replicaRunning = true;
        awaitStandbyAnswers();
    }

    /** Waits until the standby has replayed everything the primary had written when this was called. */
    public void awaitReplicaCaughtUp() {
        String lsn = Objects.requireNonNull(sql(false, "SELECT pg_current_wal_lsn()::text"));
        await("standby replayed up to " + lsn + " (is replay paused?)", () -> "true".equals(
                BlockingSql.query(replicaFactory, "SELECT (pg_last_wal_replay_lsn() >= $1::pg_lsn)::text", lsn)));
    }

    /**
     * Runs {@code sql} on the primary's or the standby's {@link #database()} and returns the first column of its first
     * row as text ({@code String.valueOf} of the driver's value), or null when there is no row or the value is null.
     * Errors (an {@link io.r2dbc.spi.R2dbcException} with the SQLSTATE) propagate.
     */
    public String sql(boolean onReplica, String sql) {
        return BlockingSql.query(onReplica ? replicaFactory : primaryFactory, sql);
    }

    /**
     * A clean slate for the next test: starts the standby if stopped, resumes replay, replaces schema {@code public}
     * of {@link #database()} by an empty one and waits until the standby has replayed that.
     */
    public void resetSchema() {
        if (!replicaRunning) startReplica();
        resumeReplay();
        sql(false, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        awaitReplicaCaughtUp();
    }

    @Override
    public String toString() {
        return primary + ", " + replica + " (its hot standby)";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static PostgresReplicaPair launch() {
        if (!Files.isExecutable(LocalPgCluster.BIN.resolve("pg_basebackup"))) {
            throw new IllegalStateException("The primary/replica tests need PostgreSQL 15's tools in " + LocalPgCluster.BIN
                    + " (apt-get install postgresql-15), or skip them with -D" + SKIP_PROPERTY + "=true");
        }
        long started = System.nanoTime();
        Path baseDir;
        int primaryPort;
        int replicaPort;
        try {
            baseDir = LocalPgCluster.createOwnedTempDirectory("braid-replicas");
            primaryPort = LocalPgCluster.freePort();
            do {
                replicaPort = LocalPgCluster.freePort();
            } while (replicaPort == primaryPort);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the primary/replica directory and ports", e);
        }
        LocalPgCluster primary = new LocalPgCluster("primary", baseDir, primaryPort);
        LocalPgCluster replica = new LocalPgCluster("replica", baseDir, replicaPort);
        PostgresReplicaPair pair = new PostgresReplicaPair(baseDir, primary, replica);
        Runtime.getRuntime().addShutdownHook(new Thread(pair::destroy, "braid-replica-pair-shutdown"));
        try {
            primary.run("initdb", "-D", primary.dataDir().toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            primary.configureListening();
            primary.appendConfig("postgresql.conf", "wal_level = replica", "max_wal_senders = 5", "hot_standby = on",
                    "fsync = off", "synchronous_commit = on", "max_connections = 100", "shared_buffers = 32MB");
            primary.appendConfig("pg_hba.conf", "local all all trust", "host all all 127.0.0.1/32 trust",
                    "local replication all trust", "host replication all 127.0.0.1/32 trust");
            primary.start();
            BlockingSql.query(BlockingSql.factory(primaryPort, "postgres"), "CREATE DATABASE " + DATABASE_NAME);

            replica.run("pg_basebackup", "-h", "127.0.0.1", "-p", Integer.toString(primaryPort), "-U", "postgres",
                    "-D", replica.dataDir().toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
            replica.configureListening();
            replica.start();
            pair.awaitStandbyAnswers();
            pair.awaitProbeReplicated();
        } catch (IOException | RuntimeException e) {
            // run() and await() already carry the logs' tails; anything else (a query failing) gets them here.
            String logs = e.getMessage() != null && e.getMessage().contains("--- last lines of ") ? ""
                    : "\n" + primary.logTail() + "\n" + replica.logTail();
            throw new IllegalStateException("Could not start " + pair + ": " + e.getMessage() + logs, e);
        }
        LOG.info("Braid test kit started PostgreSQL {} in {} ms", pair, (System.nanoTime() - started) / 1_000_000);
        return pair;
    }

    /** Waits until the standby accepts connections to {@link #database()} and says it is in recovery. */
    private void awaitStandbyAnswers() {
        await("standby answering in recovery",
                () -> "true".equals(BlockingSql.query(replicaFactory, "SELECT pg_is_in_recovery()::text")));
    }

    /** Writes a probe row on the primary and waits until the standby shows it: streaming works end to end. */
    private void awaitProbeReplicated() {
        String token = UUID.randomUUID().toString();
        ConnectionFactory primaryAdmin = BlockingSql.factory(primary.port(), "postgres");
        BlockingSql.query(primaryAdmin, "CREATE TABLE IF NOT EXISTS braid_kit_probe (token text)");
        BlockingSql.query(primaryAdmin, "INSERT INTO braid_kit_probe (token) VALUES ($1)", token);
        ConnectionFactory replicaAdmin = BlockingSql.factory(replica.port(), "postgres");
        await("probe row replicated", () -> token.equals(
                BlockingSql.query(replicaAdmin, "SELECT token FROM braid_kit_probe WHERE token = $1", token)));
    }

    private void await(String what, BooleanSupplier condition) {
        BlockingSql.await(what, WAIT, condition, () -> primary.logTail() + "\n" + replica.logTail());
    }

    /** The shutdown hook: stops both servers at once and deletes their directories. */
    private void destroy() {
        for (LocalPgCluster cluster : List.of(replica, primary)) {
            try {
                if (cluster.running()) cluster.stop("immediate");
            } catch (RuntimeException e) {
                System.err.println("braid test kit: could not stop " + cluster + ": " + e.getMessage());
            }
        }
        try (Stream<Path> paths = Files.walk(baseDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("braid test kit: could not delete " + baseDir + ": " + e);
        }
    }
}
