package dev.braid.reactive;

import dev.braid.core.internal.util.Require;
import dev.braid.dialect.Dialect;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.ConnectionFactory;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Configuration for a {@link Mapper}: made by {@link Mapper#builder(ConnectionFactory, MappingRegistry)}.
 */
public final class MapperBuilder {
    final ConnectionFactory connectionFactory;
    final MappingRegistry registry;
    @Nullable Dialect dialect;
    int fetchSize = -1;
    Duration acquireTimeout = Duration.ofSeconds(30);
    final List<ExecutionListener> listeners = new ArrayList<>();
    final List<ExecutionObserver> observers = new ArrayList<>();
    @Nullable Function<Dialect, StatementExecutor> executor;
    @Nullable ExternalTransactions externalTransactions;
    java.time.Clock clock = java.time.Clock.systemUTC();
    final List<EntityEvents.Registration> entityListeners = new ArrayList<>();
    int statementBudget = -1;
    final List<ConnectionFactory> replicas = new ArrayList<>();
    ReplicaOptions replicaOptions = ReplicaOptions.defaults();

    MapperBuilder(ConnectionFactory connectionFactory, MappingRegistry registry) {
        this.connectionFactory = Require.nonNull(connectionFactory, "connectionFactory");
        this.registry = Require.nonNull(registry, "registry");
    }

    /**
     * The SQL dialect; by default chosen from the connection factory's metadata (H2 or PostgreSQL).
     *
     * @param dialect the dialect
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code dialect} is null
     */
    public MapperBuilder dialect(Dialect dialect) {
        this.dialect = Require.nonNull(dialect, "dialect");
        return this;
    }

    /**
     * Rows the driver fetches per round trip for root queries (default 0: the whole result in one
     * go). A fetch size lets a cancelled {@code all()} stop after the current batch, at the price of
     * extra round trips on every query; {@code stream()} is the bounded form for large results.
     *
     * @param fetchSize rows per fetch, 0 for the whole result
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code fetchSize} is negative
     */
    public MapperBuilder fetchSize(int fetchSize) {
        Require.argument(fetchSize >= 0, "fetchSize(n) takes n >= 0 (0: the whole result in one go), was " + fetchSize);
        this.fetchSize = fetchSize;
        return this;
    }

    /**
     * The longest a session waits for its connection (default 30 seconds), whatever the pool's own
     * settings: then it fails with {@code BRAID_CONNECTION_UNAVAILABLE} instead of hanging.
     *
     * @param acquireTimeout the longest wait, positive
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when it is null, zero or negative
     */
    public MapperBuilder acquireTimeout(Duration acquireTimeout) {
        Require.nonNull(acquireTimeout, "acquireTimeout");
        Require.argument(!acquireTimeout.isNegative() && !acquireTimeout.isZero(),
                "acquireTimeout must be positive, was " + acquireTimeout);
        this.acquireTimeout = acquireTimeout;
        return this;
    }

    /**
     * Adds a listener told about every statement this mapper's sessions and schema send (SQL, binds, rows,
     * timing, outcome, and the entity, relationship or flush step that issued it). Listeners are called in
     * the order added, must not block, and their exceptions are logged and swallowed; see
     * {@link ExecutionListener}. A mapper without listeners pays nothing for them.
     *
     * @param listener the listener
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code listener} is null
     */
    public MapperBuilder listener(ExecutionListener listener) {
        listeners.add(Require.nonNull(listener, "listener"));
        return this;
    }

    /**
     * Adds an observer told when every statement and unit of work of this mapper starts (with the subscriber's
     * Reactor context) and, through the handle it returns, when it ends: statements, flushes, relationship loads,
     * {@code stream()} windows, and {@code withSession} / {@code inTransaction} scopes, each nested under the
     * unit that started it. Observers are called in the order added, must not block, and their exceptions are
     * logged and swallowed; see {@link ExecutionObserver}. A mapper without observers pays nothing for them.
     *
     * @param observer the observer, e.g. {@code dev.braid.micrometer.BraidObservations}
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code observer} is null
     */
    public MapperBuilder observer(ExecutionObserver observer) {
        observers.add(Require.nonNull(observer, "observer"));
        return this;
    }

    /**
     * Lets sessions join transactions managed elsewhere (Spring's {@code R2dbcTransactionManager} through
     * braid-spring-boot-starter's {@code SpringTransactions}, which the starter registers). Inside such a
     * transaction {@code withSession} and {@code inTransaction} run in one session per transaction on its
     * connection: Braid flushes at the end of each work and before the commit, and sends no BEGIN, COMMIT or
     * ROLLBACK of its own. Outside one, they open sessions as usual. {@link Mapper#independent()} never joins.
     *
     * @param transactions the transaction manager's bridge
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when null
     */
    public MapperBuilder externalTransactions(ExternalTransactions transactions) {
        this.externalTransactions = Require.nonNull(transactions, "transactions");
        return this;
    }

    /**
     * The clock {@code @CreatedAt} / {@code @UpdatedAt} timestamps and version 7 UUID keys are read from
     * (default {@code Clock.systemUTC()}; its zone makes {@code LocalDateTime} and {@code OffsetDateTime} values).
     * Tests pass a fixed clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code clock} is null
     */
    public MapperBuilder clock(java.time.Clock clock) {
        this.clock = Require.nonNull(clock, "clock");
        return this;
    }

    /**
     * Adds a lifecycle listener for every entity: called before inserts, updates and deletes (with the
     * Reactor context) and after loads, in the order added; see {@link EntityListener}.
     *
     * @param listener the listener
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code listener} is null
     */
    public MapperBuilder entityListener(EntityListener<Object> listener) {
        return entityListener(Object.class, listener);
    }

    /**
     * Adds a lifecycle listener for the objects of one entity class (and its subclasses), called after the
     * mapper-wide listeners; see {@link EntityListener}.
     *
     * @param type     the entity class
     * @param listener the listener
     * @param <T>      the entity type
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either is null
     */
    public <T> MapperBuilder entityListener(Class<T> type, EntityListener<? super T> listener) {
        entityListeners.add(new EntityEvents.Registration(
                Require.nonNull(type, "type"), Require.nonNull(listener, "listener")));
        return this;
    }

    /**
     * A statement budget for every session of this mapper (an N+1 guard): each {@code withSession} /
     * {@code inTransaction} session may send {@code statements} statements, and the operation that would send
     * one more fails with {@code BRAID_BUDGET} before sending it. See {@link Session#budget(int)} for what counts;
     * {@code session.budget(n)} and {@link StatementBudget#perSession(int)} override it. Default: no budget
     * (nothing is counted). The mapper's schema operations are not sessions and are not counted.
     *
     * @param statements the statements each session may send, at least 0
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when {@code statements} is negative
     */
    public MapperBuilder statementBudget(int statements) {
        Require.argument(statements >= 0, "statementBudget(n) takes n >= 0, was " + statements);
        this.statementBudget = statements;
        return this;
    }

    /**
     * Streaming replicas of the primary (the connection factory given to {@link Mapper#builder}; pool each with
     * r2dbc-pool): {@link Mapper#readOnly} sessions and {@link Select#readOnly()} queries outside a transaction read
     * from one of them, never older than the reader's last write ({@link ReadYourWrites}); everything else runs on
     * the primary. After a session that wrote, Braid asks the primary for its log position (one statement) so that
     * later reads can wait for it. Needs a dialect that reads log positions ({@link Dialect#replication()}:
     * PostgreSQL).
     *
     * @param replicas the replicas' connection factories, at least one
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when none is given or one is null
     */
    public MapperBuilder replicas(ConnectionFactory... replicas) {
        Require.argument(replicas != null && replicas.length > 0, "replicas(...) needs at least one connection factory");
        for (ConnectionFactory replica : replicas) {
            this.replicas.add(Require.nonNull(replica, "replica"));
        }
        return this;
    }

    /**
     * How reads are routed to the replicas: maximum lag, read-your-writes wait, checks (default
     * {@link ReplicaOptions#defaults()}).
     *
     * @param options the options
     * @return this builder
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when null
     */
    public MapperBuilder replicaOptions(ReplicaOptions options) {
        this.replicaOptions = Require.nonNull(options, "options");
        return this;
    }

    /**
     * Test seam: the executor the mapper runs statements with instead of the R2DBC one ({@code fetchSize} is
     * then the executor's business), made from the mapper's dialect. Listeners and observers still wrap it.
     */
    MapperBuilder executor(Function<Dialect, StatementExecutor> executor) {
        this.executor = Require.nonNull(executor, "executor");
        return this;
    }

    /**
     * The mapper; the builder can be reused.
     *
     * @return a new mapper
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when no dialect was set and none on the
     *         class path serves the connection factory's product name
     */
    public Mapper build() {
        return new Mapper(this);
    }

    /**
     * The mapper, with the dialect chosen from the server itself where none was set: opens one connection,
     * reads its version string (on the PostgreSQL family with {@code SELECT version()}), picks the dialect with
     * {@link Dialect#forServer(String, String)} (CockroachDB and YugabyteDB, which r2dbc-postgresql also names
     * "PostgreSQL", get their variants), closes the connection, then builds. A dialect set with
     * {@link #dialect(Dialect)} wins and no connection is opened. The builder is left as it was.
     *
     * @return the mapper, once the server has answered
     * @throws dev.braid.error.MapperException (in the Mono) {@code BRAID_ARGUMENT} when no dialect serves the
     *         server; the driver's error when no connection could be opened or the version query failed
     */
    public reactor.core.publisher.Mono<Mapper> buildForServer() {
        if (dialect != null) return reactor.core.publisher.Mono.fromCallable(this::build);
        return ServerDialect.detect(connectionFactory).map(detected -> {
            dialect = detected;
            try {
                return build();
            } finally {
                dialect = null;
            }
        });
    }
}
