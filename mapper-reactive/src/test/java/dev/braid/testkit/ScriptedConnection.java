package dev.braid.testkit;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection for tests that run Braid's session code over a {@link ScriptedExecutor}: transaction,
 * savepoint and close calls succeed at once and are recorded ({@link #events()}: "begin", "commit",
 * "rollback", "savepoint sp1", "release sp1", "rollback to sp1", "close"); statements must go through the
 * executor, so {@link #createStatement} fails.
 */
public final class ScriptedConnection implements Connection {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile boolean autoCommit = true;
    private volatile IsolationLevel isolation = IsolationLevel.READ_COMMITTED;

    /** A factory that hands out this one connection, named {@code productName} in its metadata. */
    public ConnectionFactory factory(String productName) {
        ScriptedConnection connection = this;
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.just(connection);
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return () -> productName;
            }
        };
    }

    /** Snapshot of the calls made on this connection, in order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    private Mono<Void> record(String event) {
        return Mono.fromRunnable(() -> events.add(event));
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return record("begin").doOnSuccess(v -> autoCommit = false);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return beginTransaction();
    }

    @Override
    public Publisher<Void> close() {
        return record("close");
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return record("commit").doOnSuccess(v -> autoCommit = true);
    }

    @Override
    public Batch createBatch() {
        throw new UnsupportedOperationException("ScriptedConnection: send statements through the ScriptedExecutor");
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return record("savepoint " + name);
    }

    @Override
    public Statement createStatement(String sql) {
        throw new UnsupportedOperationException("ScriptedConnection: send statements through the ScriptedExecutor, not " + sql);
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit;
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return new ConnectionMetadata() {
            @Override
            public String getDatabaseProductName() { return "scripted"; }

            @Override
            public String getDatabaseVersion() { return "0"; }
        };
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return isolation;
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return record("release " + name);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return record("rollback").doOnSuccess(v -> autoCommit = true);
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return record("rollback to " + name);
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return Mono.fromRunnable(() -> this.autoCommit = autoCommit);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return Mono.empty();
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return Mono.empty();
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        return Mono.fromRunnable(() -> this.isolation = isolationLevel);
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return Mono.just(true);
    }
}
