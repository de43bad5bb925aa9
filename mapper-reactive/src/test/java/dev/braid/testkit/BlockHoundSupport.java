package dev.braid.testkit;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Installs BlockHound once per JVM when system property {@value #PROPERTY} is {@code true} (the {@code blockhound}
 * surefire execution sets it, together with {@code -XX:+AllowRedefinitionToAddDeleteMethods}).
 *
 * <p>Triggered by {@link DatabaseTestBase}'s static initializer, by {@link TestDatabase#h2()} /
 * {@link TestDatabase#postgres()}, and by {@link BlockHoundExtension} (auto-registered through
 * {@code META-INF/services}, active when JUnit extension auto-detection is enabled, as it is in that execution).
 *
 * <p>BlockHound polices only non-blocking threads (Reactor's parallel/single schedulers, Netty event loops); the
 * test thread may block freely, which is why test setup code (schema creation, {@code StepVerifier.verify()},
 * {@code block()} in helpers) needs no allow-listing. Integrations shipped by reactor-core and Netty are loaded via
 * {@code ServiceLoader}; {@link TestKitIntegration} holds the test kit's own allow-list (empty so far).
 */
public final class BlockHoundSupport {

    public static final String PROPERTY = "braid.blockhound";

    private static volatile boolean installed;

    private BlockHoundSupport() {
    }

    /** Whether this JVM is meant to run with BlockHound. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Whether {@link #installIfEnabled()} installed BlockHound in this JVM. */
    public static boolean installed() {
        return installed;
    }

    /** Installs BlockHound if {@link #enabled()} and not yet installed; returns {@link #installed()}. */
    public static boolean installIfEnabled() {
        if (!installed && enabled()) {
            synchronized (BlockHoundSupport.class) {
                if (!installed) {
                    BlockHound.install(new TestKitIntegration());
                    installed = true;
                    System.err.println("braid test kit: BlockHound installed");
                }
            }
        }
        return installed;
    }

    /**
     * The test kit's allow-list: add an entry only when the drivers or the test infrastructure need it, each with a
     * one-line comment saying why. One driver frame is allowed: r2dbc-mariadb's authentication handshake looks its
     * authentication plugins up with a {@code ServiceLoader} on the event loop, reading jar files (once per new
     * connection, before any statement; r2dbc-mariadb 1.4.2), and so is its version lookup, which reads a properties file
     * from its jar once per JVM, and the driver's command-queue lock (a ReentrantLock held for a few field updates, on
     * which the event loop can park briefly when a caller thread holds it). Nothing else is: r2dbc-postgresql runs on reactor-netty, whose blocking
     * concerns are covered by the integrations reactor-core and Netty ship; test setup (schema creation, discovery,
     * embedded PostgreSQL, {@code block()}/{@code StepVerifier.verify()}) runs on the test thread, which BlockHound
     * does not police; and slf4j-simple output from event loops goes through surefire's forked-JVM console capture,
     * which BlockHound does not flag ({@code PostgresBlockHoundSelfTest.loggingFromANonBlockingThreadIsAllowed}).
     * (Running with {@code -Dbraid.blockhound=true} from an IDE, where System.err is a plain file stream, may need
     * {@code allowBlockingCallsInside("org.slf4j.simple.SimpleLogger", "write")}.)
     */
    static final class TestKitIntegration implements BlockHoundIntegration {
        @Override
        public void applyTo(BlockHound.Builder builder) {
            // r2dbc-mariadb 1.4.2 AuthenticationFlow -> AuthenticationFlowPluginLoader.get(): ServiceLoader reads the
            // driver's jar on the Netty event loop while a connection logs in. Driver code, once per connection.
            builder.allowBlockingCallsInside("org.mariadb.r2dbc.authentication.AuthenticationFlowPluginLoader", "get");
            // r2dbc-mariadb 1.4.2 HandshakeResponse -> VersionFactory's holder class initializer loads the driver's
            // version properties from its jar on the event loop, the first time a connection logs in. Once per JVM.
            builder.allowBlockingCallsInside("org.mariadb.r2dbc.util.VersionFactory$VersionFactoryHolder", "<clinit>");
            // r2dbc-mariadb 1.4.2 SimpleClient guards its command queue with a ReentrantLock held for a few field
            // updates; when a caller thread and the event loop meet there, lock() parks the event loop for that long
            // (seen with 16 concurrent upserts). Exactly the driver methods that take that lock, nothing of Braid's.
            for (String method : new String[]{"executeWhenNotInTransaction", "executeWhenTransaction", "setAutoCommit",
                    "sendCommandWithoutResult", "lambda$receive$15", "lambda$sendCommand$17", "lambda$sendCommand$20"}) {
                builder.allowBlockingCallsInside("org.mariadb.r2dbc.client.SimpleClient", method);
            }
            builder.allowBlockingCallsInside("org.mariadb.r2dbc.client.SimpleClient$ServerMessageSubscriber", "tryDrainQueue");
        }
    }
}
