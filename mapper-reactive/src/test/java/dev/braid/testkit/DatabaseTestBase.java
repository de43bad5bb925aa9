package dev.braid.testkit;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;

/**
 * Base class for integration tests that run the same behaviour on every database:
 *
 * <pre>{@code
 * abstract class CrudContract extends DatabaseTestBase { @Test void ... }
 * class H2CrudTest extends CrudContract { protected TestDatabase createDatabase() { return TestDatabase.h2(); } }
 * class PostgresCrudTest extends CrudContract { protected TestDatabase createDatabase() { return TestDatabase.postgres(); } }
 * }</pre>
 *
 * Once per class (PER_CLASS lifecycle): creates the {@link #database()}, a {@link #recorder()} over its factory and a
 * {@link #pool()} over the recorder; closes pool and database after all tests. Before each test the recorder is
 * {@linkplain StatementRecorder#reset() reset} (recordings and armed failures), so subclass {@code @BeforeEach}
 * methods that execute SQL are recorded — clear the recorder again if that matters. Name the concrete PostgreSQL
 * classes {@code Postgres*Test} so the {@code blockhound} surefire execution runs them under BlockHound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseTestBase {

    static {
        BlockHoundSupport.installIfEnabled();
    }

    private TestDatabase database;
    private StatementRecorder recorder;
    private PooledDatabase pooled;

    /** Called once per test class; typically {@code TestDatabase.h2()} or {@code TestDatabase.postgres()}. */
    protected abstract TestDatabase createDatabase();

    @BeforeAll
    protected final void braidTestKitSetUp() {
        database = createDatabase();
        recorder = StatementRecorder.wrap(database.connectionFactory());
        if ("?".equals(database.marker(1))) {
            recorder.numberQuestionMarks(); // one expected text ($1, $2, ...) serves every database
        }
        pooled = PooledDatabase.over(recorder);
    }

    @BeforeEach
    protected final void braidTestKitResetRecorder() {
        recorder.reset();
    }

    @AfterAll
    protected final void braidTestKitTearDown() {
        try {
            if (pooled != null) {
                pooled.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** The test class's private database. */
    protected TestDatabase database() {
        return database;
    }

    /** Records statements/transactions through {@link #connectionFactory()} and {@link #pool()}. */
    protected StatementRecorder recorder() {
        return recorder;
    }

    /** Unpooled, recording factory. */
    protected ConnectionFactory connectionFactory() {
        return recorder.connectionFactory();
    }

    /** Pooled, recording factory (r2dbc-pool, maxSize {@value PooledDatabase#MAX_SIZE}). */
    protected ConnectionPool pool() {
        return pooled.pool();
    }

    /** The pool with its helpers ({@link PooledDatabase#awaitAllReleased(Duration)}, ...). */
    protected PooledDatabase pooled() {
        return pooled;
    }

    /** Connections currently acquired from {@link #pool()}. */
    protected int acquiredConnections() {
        return pooled.acquiredConnections();
    }

    /** Waits until every connection acquired from {@link #pool()} is released; true if that happened within {@code max}. */
    protected boolean awaitAllReleased(Duration max) {
        return pooled.awaitAllReleased(max);
    }
}
