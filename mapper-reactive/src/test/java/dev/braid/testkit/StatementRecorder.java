package dev.braid.testkit;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.callback.ProxyConfig;
import io.r2dbc.proxy.callback.ProxyFactory;
import io.r2dbc.proxy.callback.QueriesExecutionContext;
import io.r2dbc.proxy.core.ConnectionInfo;
import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.core.StatementInfo;
import io.r2dbc.proxy.listener.ProxyMethodExecutionListener;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a {@link ConnectionFactory} with r2dbc-proxy and records what goes through it.
 *
 * <ul>
 *   <li>{@link #statements()}: the SQL text of every executed statement, in the order execution started
 *       (one entry per {@code Statement.execute()} subscription, however many binding sets it carries; one entry per
 *       query of a {@code Batch}). Statements failed by {@link #failNextMatching(String)} are recorded too.</li>
 *   <li>{@link #transactionEvents()}: {@code "begin"}, {@code "commit"}, {@code "rollback"} for each call of
 *       {@code Connection.beginTransaction(..)}, {@code commitTransaction()}, {@code rollbackTransaction()} that was
 *       subscribed — i.e. transactions driven through the R2DBC API (a literal {@code BEGIN} statement shows up only
 *       in {@link #statements()}). Note that r2dbc-pool rolls back through the API when a connection that is still in
 *       a transaction is released, which shows up here as {@code "rollback"}.</li>
 *   <li>{@link #savepointEvents()}: {@code "create <name>"}, {@code "release <name>"}, {@code "rollback <name>"}.</li>
 * </ul>
 *
 * Fault injection: {@link #failNextMatching(String)} arms a one-shot failure for the next executed statement whose SQL
 * contains the given substring; the failure happens beneath the proxy (so it is recorded like a real driver error) and
 * never reaches the database. All methods are thread-safe.
 */
public final class StatementRecorder {

    /** SQLSTATE of injected failures ("internal_error" in PostgreSQL's table). */
    public static final String INJECTED_SQLSTATE = "XX000";
    /** Message of injected failures. */
    public static final String INJECTED_MESSAGE = "injected failure";

    private final ConnectionFactory delegate;
    private final ConnectionFactory proxied;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean numberMarkers;
    private final List<String> transactionEvents = new CopyOnWriteArrayList<>();
    private final List<String> savepointEvents = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<String> armedFailures = new ConcurrentLinkedQueue<>();

    private StatementRecorder(ConnectionFactory delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        ProxyConfig config = ProxyConfig.builder().listener(new Listener()).build();
        // The default (JDK dynamic proxy) factory, bound to this config; we put a fault-injecting layer beneath it.
        ProxyFactory jdkProxies = config.getProxyFactory();
        config.setProxyFactoryFactory(ignored -> new FaultInjectingProxyFactory(jdkProxies));
        this.proxied = ProxyConnectionFactory.builder(delegate).proxyConfig(config).build();
    }

    /** Wraps {@code delegate}; use {@link #connectionFactory()} for the recording factory. */
    public static StatementRecorder wrap(ConnectionFactory delegate) {
        return new StatementRecorder(delegate);
    }

    /** The recording (and fault-injecting) connection factory. */
    public ConnectionFactory connectionFactory() {
        return proxied;
    }

    /** The wrapped, non-recording factory. */
    public ConnectionFactory delegate() {
        return delegate;
    }

    /**
     * Snapshot of the executed statements' SQL, in execution order; after {@link #numberQuestionMarks()} with each
     * {@code ?} marker written as {@code $1, $2, ...} in order, so one expected text serves every database.
     */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    /** Snapshot of the executed statements' SQL exactly as sent to the driver, in execution order. */
    public List<String> sentStatements() {
        return List.copyOf(sent);
    }

    /**
     * For a driver that binds {@code ?} markers by position (MariaDB): {@link #statements()} reports them numbered
     * ({@code $1, $2, ...} in order of appearance, outside quotes), the form Braid writes for H2 and PostgreSQL, so
     * contracts compare one text; {@link #sentStatements()} keeps what was sent.
     *
     * @return this recorder
     */
    public StatementRecorder numberQuestionMarks() {
        this.numberMarkers = true;
        return this;
    }

    /** {@code sql} with every {@code ?} outside quotes and backticks written as {@code $1, $2, ...}. */
    public static String numbered(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 8);
        char quote = 0;
        int marker = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                out.append(c);
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
                out.append(c);
            } else if (c == '?') {
                out.append('$').append(++marker);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Number of recorded statements. */
    public int count() {
        return statements.size();
    }

    /** Snapshot of transaction events ("begin", "commit", "rollback"), in order. */
    public List<String> transactionEvents() {
        return List.copyOf(transactionEvents);
    }

    /** Snapshot of savepoint events ("create sp1", "release sp1", "rollback sp1"), in order. */
    public List<String> savepointEvents() {
        return List.copyOf(savepointEvents);
    }

    /** Forgets recorded statements, transaction and savepoint events (armed failures stay armed). */
    public void clear() {
        overlaps.clear();
        statements.clear();
        sent.clear();
        transactionEvents.clear();
        savepointEvents.clear();
    }

    /** {@link #clear()} and disarm every pending failure. */
    public void reset() {
        clear();
        armedFailures.clear();
        hook = null;
    }

    private volatile java.util.function.IntConsumer hook;

    // Statements running per connection (started, their results not consumed yet), and overlaps seen.
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger> running =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> overlaps = new CopyOnWriteArrayList<>();

    /**
     * Statements that started on a connection while another statement on the same connection was still running
     * (started, and its results not consumed yet, as r2dbc-proxy's {@code afterQuery} tells), with the SQL of the
     * one that started; empty when the connection always ran one statement at a time.
     */
    public List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    /**
     * Calls {@code hook} with the running statement count just before each statement is sent, on the
     * thread that sends it (so a test can cancel exactly before statement k). Cleared by {@link #reset()}.
     */
    public void beforeEachStatement(java.util.function.IntConsumer hook) {
        this.hook = hook;
    }

    /**
     * Makes the next executed statement (or batch) whose SQL contains {@code sqlSubstring} fail with an
     * {@link R2dbcNonTransientResourceException} (SQLSTATE {@value #INJECTED_SQLSTATE}, message
     * {@value #INJECTED_MESSAGE}, {@code getSql()} = the statement's SQL) instead of reaching the database.
     * One-shot: each call arms one failure; calls queue up. The check happens when execution is subscribed.
     */
    public void failNextMatching(String sqlSubstring) {
        armedFailures.add(Objects.requireNonNull(sqlSubstring, "sqlSubstring"));
    }

    /** Number of armed failures that have not fired yet. */
    public int pendingFailures() {
        return armedFailures.size();
    }

    /** Removes and reports the first armed failure matching any of {@code sqls}. */
    private boolean consumeFailureFor(List<String> sqls) {
        for (Iterator<String> it = armedFailures.iterator(); it.hasNext(); ) {
            String needle = it.next();
            for (String sql : sqls) {
                if ((sql.contains(needle) || numberMarkers && numbered(sql).contains(needle)) && armedFailures.remove(needle)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Publisher<? extends Result> guarded(List<String> sqls, Publisher<? extends Result> real) {
        return Flux.defer(() -> consumeFailureFor(sqls)
            ? Flux.<Result>error(new R2dbcNonTransientResourceException(INJECTED_MESSAGE, INJECTED_SQLSTATE, 0, String.join("; ", sqls)))
            : Flux.from(real));
    }

    private final class Listener implements ProxyMethodExecutionListener {

        @Override
        public void beforeQuery(QueryExecutionInfo execInfo) {
            List<String> sqls = new ArrayList<>(execInfo.getQueries().size());
            for (QueryInfo query : execInfo.getQueries()) {
                sqls.add(query.getQuery());
            }
            sent.addAll(sqls);
            if (running.computeIfAbsent(execInfo.getConnectionInfo().getConnectionId(),
                    id -> new java.util.concurrent.atomic.AtomicInteger()).getAndIncrement() > 0) {
                overlaps.addAll(sqls);
            }
            statements.addAll(numberMarkers ? sqls.stream().map(StatementRecorder::numbered).toList() : sqls);
            java.util.function.IntConsumer h = hook;
            if (h != null) h.accept(statements.size());
        }

        @Override
        public void afterQuery(QueryExecutionInfo execInfo) {
            java.util.concurrent.atomic.AtomicInteger count = running.get(execInfo.getConnectionInfo().getConnectionId());
            if (count != null) count.decrementAndGet();
        }

        @Override
        public void beforeBeginTransactionOnConnection(MethodExecutionInfo info) {
            transactionEvents.add("begin");
        }

        @Override
        public void beforeCommitTransactionOnConnection(MethodExecutionInfo info) {
            transactionEvents.add("commit");
        }

        @Override
        public void beforeRollbackTransactionOnConnection(MethodExecutionInfo info) {
            transactionEvents.add("rollback");
        }

        @Override
        public void beforeCreateSavepointOnConnection(MethodExecutionInfo info) {
            savepointEvents.add("create " + info.getMethodArgs()[0]);
        }

        @Override
        public void beforeReleaseSavepointOnConnection(MethodExecutionInfo info) {
            savepointEvents.add("release " + info.getMethodArgs()[0]);
        }

        @Override
        public void beforeRollbackTransactionToSavepointOnConnection(MethodExecutionInfo info) {
            savepointEvents.add("rollback " + info.getMethodArgs()[0]);
        }
    }

    /** Delegates to r2dbc-proxy's own factory, slipping a fault-injecting wrapper beneath statements and batches. */
    private final class FaultInjectingProxyFactory implements ProxyFactory {
        private final ProxyFactory jdk;

        FaultInjectingProxyFactory(ProxyFactory jdk) {
            this.jdk = jdk;
        }

        @Override
        public ConnectionFactory wrapConnectionFactory(ConnectionFactory connectionFactory) {
            return jdk.wrapConnectionFactory(connectionFactory);
        }

        @Override
        public Connection wrapConnection(Connection connection, ConnectionInfo connectionInfo) {
            return jdk.wrapConnection(connection, connectionInfo);
        }

        @Override
        public Batch wrapBatch(Batch batch, ConnectionInfo connectionInfo) {
            return jdk.wrapBatch(new FaultInjectingBatch(batch), connectionInfo);
        }

        @Override
        public Statement wrapStatement(Statement statement, StatementInfo statementInfo, ConnectionInfo connectionInfo) {
            String sql = statementInfo.getUpdatedQuery() != null ? statementInfo.getUpdatedQuery() : statementInfo.getOriginalQuery();
            return jdk.wrapStatement(new FaultInjectingStatement(statement, sql), statementInfo, connectionInfo);
        }

        @Override
        public Result wrapResult(Result result, QueryExecutionInfo executionInfo, QueriesExecutionContext queriesExecutionContext) {
            return jdk.wrapResult(result, executionInfo, queriesExecutionContext);
        }

        @Override
        public Row wrapRow(Row row, QueryExecutionInfo executionInfo) {
            return jdk.wrapRow(row, executionInfo);
        }

        @Override
        public Result.RowSegment wrapRowSegment(Result.RowSegment rowSegment, QueryExecutionInfo executionInfo) {
            return jdk.wrapRowSegment(rowSegment, executionInfo);
        }
    }

    private final class FaultInjectingStatement implements Statement, Wrapped<Statement> {
        private final Statement delegate;
        private final String sql;

        FaultInjectingStatement(Statement delegate, String sql) {
            this.delegate = delegate;
            this.sql = sql;
        }

        @Override
        public Statement add() {
            delegate.add();
            return this;
        }

        @Override
        public Statement bind(int index, Object value) {
            delegate.bind(index, value);
            return this;
        }

        @Override
        public Statement bind(String name, Object value) {
            delegate.bind(name, value);
            return this;
        }

        @Override
        public Statement bindNull(int index, Class<?> type) {
            delegate.bindNull(index, type);
            return this;
        }

        @Override
        public Statement bindNull(String name, Class<?> type) {
            delegate.bindNull(name, type);
            return this;
        }

        @Override
        public Statement returnGeneratedValues(String... columns) {
            delegate.returnGeneratedValues(columns);
            return this;
        }

        @Override
        public Statement fetchSize(int rows) {
            delegate.fetchSize(rows);
            return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return guarded(List.of(sql), delegate.execute());
        }

        @Override
        public Statement unwrap() {
            return delegate;
        }
    }

    private final class FaultInjectingBatch implements Batch, Wrapped<Batch> {
        private final Batch delegate;
        private final List<String> sqls = new ArrayList<>();

        FaultInjectingBatch(Batch delegate) {
            this.delegate = delegate;
        }

        @Override
        public Batch add(String sql) {
            delegate.add(sql);
            sqls.add(sql);
            return this;
        }

        @Override
        public Publisher<? extends Result> execute() {
            return guarded(List.copyOf(sqls), delegate.execute());
        }

        @Override
        public Batch unwrap() {
            return delegate;
        }
    }
}
