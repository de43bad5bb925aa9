package dev.braid.testkit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A PgBouncer in <b>transaction pooling</b> mode in front of the test kit's PostgreSQL, started once per JVM when
 * system property {@value #PROPERTY}{@code =true} (the {@code pgbouncer} surefire execution re-runs every
 * {@code Postgres*Test} that way). Every transaction of a client may run on a different server connection, so
 * nothing may rely on session state: named prepared statements, {@code SET}, cursors outside a transaction,
 * {@code search_path} from the startup packet (PgBouncer 1.18 refuses it). The test kit therefore gives every test
 * class a database of its own (instead of a schema) and turns r2dbc-postgresql's statement cache off.
 *
 * <p>It runs Debian's {@code /usr/sbin/pgbouncer} (install with {@code apt-get install pgbouncer}; {@code .ci/run}
 * does) as the {@code postgres} OS user (PgBouncer refuses root), on a free loopback port, from a config in a temp
 * directory, and stops it at JVM exit. Without the binary the tests fail, saying what to install.
 */
public final class PgBouncer {
    /** System property that routes the test kit's PostgreSQL connections through PgBouncer. */
    public static final String PROPERTY = "braid.pg.pgbouncer";
    private static final String BINARY = "/usr/sbin/pgbouncer";
    private static final Logger LOG = LoggerFactory.getLogger(PgBouncer.class);

    private final int port;

    private PgBouncer(int port) {
        this.port = port;
    }

    /** Whether this JVM's PostgreSQL tests go through PgBouncer. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The PgBouncer in front of {@code server}, started on first call. */
    public static PgBouncer in(PostgresServer server) {
        return Holder.start(server);
    }

    /** The loopback port PgBouncer listens on. */
    public int port() {
        return port;
    }

    private static final class Holder {
        private static PgBouncer instance;

        static synchronized PgBouncer start(PostgresServer server) {
            if (instance == null) instance = launch(server);
            return instance;
        }
    }

    private static PgBouncer launch(PostgresServer server) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(PROPERTY + "=true needs PgBouncer at " + BINARY
                    + ": install it with `apt-get install -y pgbouncer` (.ci/run does)");
        }
        try {
            Path dir = Files.createTempDirectory("braid-pgbouncer");
            // PgBouncer runs as postgres and writes its log and pid file here (the umask would narrow a mode given at creation).
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            int port = freePort();
            Files.writeString(dir.resolve("users.txt"), "\"" + server.user() + "\" \"\"\n");
            Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=" + server.host() + " port=" + server.port(),
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + dir.resolve("users.txt"),
                    "pool_mode = transaction",
                    "max_client_conn = 1000",
                    "default_pool_size = 40",
                    // r2dbc-postgresql sends it in every startup packet; PgBouncer refuses unknown parameters.
                    "ignore_startup_parameters = extra_float_digits",
                    "server_reset_query =",
                    "logfile = " + dir.resolve("pgbouncer.log"),
                    "pidfile = " + dir.resolve("pgbouncer.pid"),
                    ""));
            for (String f : new String[] {"users.txt", "pgbouncer.ini"}) {
                Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            ProcessBuilder command = root
                    ? new ProcessBuilder(BINARY, "-u", "postgres", dir.resolve("pgbouncer.ini").toString())
                    : new ProcessBuilder(BINARY, dir.resolve("pgbouncer.ini").toString());
            Process process = command.redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "braid-pgbouncer-shutdown"));
            awaitPort(port, process, dir);
            LOG.info("Braid test kit routes PostgreSQL through PgBouncer (transaction pooling) on 127.0.0.1:{} ({})", port, dir);
            return new PgBouncer(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PgBouncer", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process process, Path dir) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50); // test setup code: waiting for the process is fine here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("PgBouncer did not listen on " + port + " within 15 s; see " + dir);
    }
}
