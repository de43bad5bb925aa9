package dev.braid.reactive;

import dev.braid.core.error.ErrorCode;
import dev.braid.core.error.MapperException;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Operators;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A session's connection, closed to new work once the scope's cleanup has begun. A scope that is
 * cancelled (a {@code timeout}, a client going away) is cleaned up on the cancelling thread while its
 * work may be about to send the next statement on another: sent after the cleanup's ROLLBACK, that
 * statement would run outside any transaction and commit on its own (half a transfer). Here each
 * statement or transaction call is sent (subscribed) and the scope ended under one monitor, so every
 * call either gets in before the end, and runs before the cleanup's ROLLBACK, or fails with
 * {@code BRAID_SESSION_CLOSED}. The monitor is held only while a call is handed to the driver.
 * ROLLBACK and close always pass: they can only end things.
 */
final class ScopedConnection implements Connection {
    private final Connection delegate;
    private final Object gate = new Object();
    private boolean ended; // guarded by gate

    ScopedConnection(Connection delegate) {
        this.delegate = delegate;
    }

    /** Ends the scope: calls made from now on fail; those made before are already queued on the connection. */
    void end() {
        synchronized (gate) {
            ended = true;
        }
    }

    /** The connection itself, for the cleanup's own statements after {@link #end()}. */
    Connection unscoped() {
        return delegate;
    }

    private <T> Publisher<T> gated(String what, Supplier<? extends Publisher<T>> call) {
        return subscriber -> {
            synchronized (gate) {
                if (!ended) {
                    call.get().subscribe(subscriber);
                    return;
                }
            }
            Operators.error(subscriber, ended(what));
        };
    }

    private static MapperException ended(String what) {
        return new MapperException(ErrorCode.BRAID_SESSION_CLOSED, "Cannot run " + what + ": the session's scope has"
                + " ended (it completed, was cancelled or failed) and its connection is being released. Fix: do all"
                + " work inside the function given to withSession/inTransaction, and return its publisher from there");
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return gated("BEGIN", delegate::beginTransaction);
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return gated("BEGIN", () -> delegate.beginTransaction(definition));
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return gated("COMMIT", delegate::commitTransaction);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return delegate.rollbackTransaction();
    }

    @Override
    public Publisher<Void> close() {
        return delegate.close();
    }

    // Created under the gate too: once the scope has ended the pool may have taken the connection back.
    @Override
    public Statement createStatement(String sql) {
        synchronized (gate) {
            return new ScopedStatement(ended ? null : delegate.createStatement(sql), sql);
        }
    }

    @Override
    public Batch createBatch() {
        Batch batch;
        synchronized (gate) {
            batch = ended ? null : delegate.createBatch();
        }
        return new Batch() {
            @Override
            public Batch add(String sql) {
                if (batch != null) batch.add(sql);
                return this;
            }

            @Override
            public Publisher<? extends Result> execute() {
                return batch == null ? subscriber -> Operators.error(subscriber, ended("a batch"))
                        : gated("a batch", batch::execute);
            }
        };
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return gated("SAVEPOINT " + name, () -> delegate.createSavepoint(name));
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return gated("RELEASE SAVEPOINT " + name, () -> delegate.releaseSavepoint(name));
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return gated("ROLLBACK TO SAVEPOINT " + name, () -> delegate.rollbackTransactionToSavepoint(name));
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return gated("setAutoCommit", () -> delegate.setAutoCommit(autoCommit));
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return gated("setLockWaitTimeout", () -> delegate.setLockWaitTimeout(timeout));
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return gated("setStatementTimeout", () -> delegate.setStatementTimeout(timeout));
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return gated("setTransactionIsolationLevel", () -> delegate.setTransactionIsolationLevel(level));
    }

    @Override
    public boolean isAutoCommit() {
        return delegate.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return delegate.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return delegate.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return delegate.validate(depth);
    }

    /** A statement whose execution is sent through the gate (null statement: created after the end). */
    private final class ScopedStatement implements Statement {
        private final Statement statement;
        private final String sql;

        ScopedStatement(Statement statement, String sql) {
            this.statement = statement;
            this.sql = sql;
        }

        @Override
        public Statement add() {
            if (statement != null) statement.add();
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            if (statement != null) statement.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            if (statement != null) statement.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            if (statement != null) statement.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            if (statement != null) statement.bindNull(name, type);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            if (statement != null) statement.returnGeneratedValues(columns);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            if (statement != null) statement.fetchSize(rows);
            return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
            if (statement == null) return subscriber -> Operators.error(subscriber, ended(sql));
            return gated(sql, statement::execute);
        }
    }
}
