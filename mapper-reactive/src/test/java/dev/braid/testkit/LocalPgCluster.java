package dev.braid.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL 15 cluster of the test kit's own (a data directory, a port, a socket directory and a server log),
 * driven by Debian's {@code /usr/lib/postgresql/15/bin} tools. PostgreSQL refuses to run as root, so when the JVM is
 * root every tool runs as the {@code postgres} OS user through {@code runuser -u postgres --}; otherwise directly.
 * Used by {@link PostgresReplicaPair}; test setup code, so everything blocks.
 */
final class LocalPgCluster {
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Path dataDir;
    private final Path socketDir;
    private final Path log;
    private final int port;

    /** {@code name}'s cluster under {@code baseDir}: data in {@code name/}, sockets in {@code name-sock/}. */
    LocalPgCluster(String name, Path baseDir, int port) {
        this.name = name;
        this.dataDir = baseDir.resolve(name);
        this.socketDir = baseDir.resolve(name + "-sock");
        this.log = baseDir.resolve(name + ".log");
        this.port = port;
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A directory under {@code java.io.tmpdir} that the OS user running PostgreSQL owns. */
    static Path createOwnedTempDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        giveToPostgres(dir);
        return dir;
    }

    /** A free loopback port (another process may take it before the server binds it: unlikely enough for tests). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Appends {@code settings} (one {@code name = value} a line) to the cluster's {@code file}. */
    void appendConfig(String file, String... settings) throws IOException {
        Files.writeString(dataDir.resolve(file), "\n# braid test kit\n" + String.join("\n", settings) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Gives the cluster its own loopback port and socket directory. */
    void configureListening() throws IOException {
        Files.createDirectories(socketDir);
        giveToPostgres(socketDir);
        // postgresql.auto.conf is read last: it wins over a standby's postgresql.conf copied from its primary.
        appendConfig("postgresql.auto.conf",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'");
    }

    /** {@code pg_ctl start -w}: returns once the server accepts connections. */
    void start() {
        run("pg_ctl", "-D", dataDir.toString(), "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /** {@code pg_ctl stop -m mode -w}. */
    void stop(String mode) {
        run("pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "60", "stop");
    }

    /** Whether the postmaster of this data directory runs ({@code pg_ctl status}). */
    boolean running() {
        return exec(BIN.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "status").exitCode == 0;
    }

    /** Runs PostgreSQL tool {@code tool} (from {@link #BIN}); a non-zero exit throws with its output and the log's tail. */
    void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        command.add(BIN.resolve(tool).toString());
        command.addAll(Arrays.asList(args));
        Outcome outcome = exec(command.toArray(String[]::new));
        if (outcome.exitCode != 0) {
            throw new IllegalStateException(name + ": `" + String.join(" ", command) + "` exited with " + outcome.exitCode
                    + ":\n" + outcome.output + "\n" + logTail());
        }
    }

    /** The last lines of the server log, for exception messages. */
    String logTail() {
        try {
            if (!Files.exists(log)) return "(no server log " + log + ")";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public String toString() {
        return name + " 127.0.0.1:" + port + " (" + dataDir + ")";
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void giveToPostgres(Path path) throws IOException {
        if (ROOT) {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(path, postgres);
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    }

    private record Outcome(int exitCode, String output) { }

    private static Outcome exec(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(Arrays.asList(command));
        try {
            Path output = Files.createTempFile("braid-pg-tool", ".out");
            try {
                // Output goes to a file, not a pipe: pg_ctl's server inherits the tool's descriptors and would keep a pipe open.
                Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Outcome(-1, "timed out after 120 s: " + Files.readString(output));
                }
                return new Outcome(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + full, e);
        }
    }
}
