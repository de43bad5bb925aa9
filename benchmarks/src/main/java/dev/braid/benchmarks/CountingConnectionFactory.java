package dev.braid.benchmarks;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Counts the statements sent (each {@code execute()}, each statement of a batch) and nothing else.
 * The benchmarks used r2dbc-proxy for this, which proxies every row and takes two clock readings
 * per {@code Row.get}: that was 40% of the hand-written W2's time, the same cost added to both
 * sides, hiding the ratio between them. This decorator adds one atomic increment per statement.
 */
final class CountingConnectionFactory implements ConnectionFactory {
    private final ConnectionFactory delegate;
    private final AtomicLong statements;
    private final Predicate<String> counted;

    CountingConnectionFactory(ConnectionFactory delegate, AtomicLong statements) {
        this(delegate, statements, sql -> true);
    }

    /** Counts only the statements whose SQL {@code counted} accepts. */
    CountingConnectionFactory(ConnectionFactory delegate, AtomicLong statements, Predicate<String> counted) {
        this.delegate = delegate;
        this.statements = statements;
        this.counted = counted;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).map(CountingConnection::new);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }

    private final class CountingConnection implements Connection {
        private final Connection c;

        CountingConnection(Connection c) {
            this.c = c;
        }

        @Override
        public Statement createStatement(String sql) {
            return new CountingStatement(c.createStatement(sql), counted.test(sql));
        }

        @Override
        public Batch createBatch() {
            Batch batch = c.createBatch();
            return new Batch() {
                private int size;

                @Override
                public Batch add(String sql) {
                    if (counted.test(sql)) size++;
                    batch.add(sql);
                    return this;
                }

                @Override
                public Publisher<? extends Result> execute() {
                    statements.addAndGet(size);
                    return batch.execute();
                }
            };
        }

        @Override public Publisher<Void> beginTransaction() { return c.beginTransaction(); }
        @Override public Publisher<Void> beginTransaction(TransactionDefinition d) { return c.beginTransaction(d); }
        @Override public Publisher<Void> close() { return c.close(); }
        @Override public Publisher<Void> commitTransaction() { return c.commitTransaction(); }
        @Override public Publisher<Void> createSavepoint(String name) { return c.createSavepoint(name); }
        @Override public boolean isAutoCommit() { return c.isAutoCommit(); }
        @Override public ConnectionMetadata getMetadata() { return c.getMetadata(); }
        @Override public IsolationLevel getTransactionIsolationLevel() { return c.getTransactionIsolationLevel(); }
        @Override public Publisher<Void> releaseSavepoint(String name) { return c.releaseSavepoint(name); }
        @Override public Publisher<Void> rollbackTransaction() { return c.rollbackTransaction(); }
        @Override public Publisher<Void> rollbackTransactionToSavepoint(String name) { return c.rollbackTransactionToSavepoint(name); }
        @Override public Publisher<Void> setAutoCommit(boolean autoCommit) { return c.setAutoCommit(autoCommit); }
        @Override public Publisher<Void> setLockWaitTimeout(Duration timeout) { return c.setLockWaitTimeout(timeout); }
        @Override public Publisher<Void> setStatementTimeout(Duration timeout) { return c.setStatementTimeout(timeout); }
        @Override public Publisher<Void> setTransactionIsolationLevel(IsolationLevel level) { return c.setTransactionIsolationLevel(level); }
        @Override public Publisher<Boolean> validate(ValidationDepth depth) { return c.validate(depth); }
    }

    private final class CountingStatement implements Statement {
        private final Statement s;
        private final boolean count;

        CountingStatement(Statement s, boolean count) {
            this.s = s;
            this.count = count;
        }

        @Override
        public Publisher<? extends Result> execute() {
            if (count) statements.incrementAndGet();
            return s.execute();
        }

        @Override public Statement add() { s.add(); return this; }
        @Override public Statement bind(int index, Object value) { s.bind(index, value); return this; }
        @Override public Statement bind(String name, Object value) { s.bind(name, value); return this; }
        @Override public Statement bindNull(int index, Class<?> type) { s.bindNull(index, type); return this; }
        @Override public Statement bindNull(String name, Class<?> type) { s.bindNull(name, type); return this; }
        @Override public Statement returnGeneratedValues(String... columns) { s.returnGeneratedValues(columns); return this; }
        @Override public Statement fetchSize(int rows) { s.fetchSize(rows); return this; }
    }
}
