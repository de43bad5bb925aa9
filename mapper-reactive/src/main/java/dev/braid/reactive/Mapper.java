package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.util.Require;
import dev.braid.error.NestedSessionException;
import dev.braid.mapping.MappingRegistry;
import dev.braid.core.internal.plan.schema.SchemaPlanner;
import dev.braid.dialect.Dialect;
import dev.braid.reactive.internal.exec.R2dbcStatementExecutor;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The entry point: a {@link ConnectionFactory} (pool it with r2dbc-pool) plus a frozen
 * {@link MappingRegistry}. Thread-safe; create one per database and share it.
 *
 * <pre>{@code
 * Mapper mapper = Mapper.builder(connectionFactory, registry).build();
 * Flux<Author> authors = mapper.withSession(s -> s.select(Author.class).where(Author_.name.startsWith("A")).all());
 * Mono<Author> saved = mapper.inTransactionMono(s -> s.add(new Author("Austen")));
 * }</pre>
 *
 * <p>Each session holds one connection for its whole scope. Opening a session inside another session's
 * work on the same mapper fails with {@code BRAID_NESTED_SESSION} (it would hold a second connection
 * while waiting for it, which deadlocks an exhausted pool); {@link #independent()} opts in where that
 * is meant. Obtaining a connection never waits longer than {@link MapperBuilder#acquireTimeout(Duration)}.
 */
public final class Mapper {
    private final ConnectionFactory connectionFactory;
    private final MappingRegistry registry;
    private final Dialect dialect;
    private final StatementExecutor executor;
    private final Schema schema;
    private final SessionFactory sessions;
    private final SessionBudgets budgets;
    // The Reactor context key under which this mapper's open sessions name themselves.
    private final Object scopeKey;
    private final boolean independent;
    private final @Nullable ExternalTransactions external;

    Mapper(MapperBuilder builder) {
        this.connectionFactory = builder.connectionFactory;
        this.registry = builder.registry;
        this.dialect = builder.dialect != null ? builder.dialect
                : Dialect.forProductName(connectionFactory.getMetadata().getName());
        StatementExecutor base = builder.executor != null ? builder.executor.apply(dialect)
                : new R2dbcStatementExecutor(builder.fetchSize >= 0 ? builder.fetchSize : dialect.defaultFetchSize(),
                registry, dialect);
        // Without listeners and observers the plain executor runs: nothing is timed, counted or reported.
        this.executor = ObservingExecutor.wrap(base, builder.listeners, builder.observers, dialect);
        ConnectionSource connections = new ConnectionSource(connectionFactory, builder.acquireTimeout);
        this.budgets = new SessionBudgets(builder.statementBudget);
        this.sessions = new SessionFactory(registry, dialect, executor, connections, builder.clock, builder.entityListeners,
                budgets, Replicas.of(builder.replicas, builder.replicaOptions, dialect, executor, connections));
        this.schema = new DefaultSchema(connections, new SchemaPlanner(registry, dialect), executor, sessions::schemaReplaced);
        this.scopeKey = new Object();
        this.independent = false;
        this.external = builder.externalTransactions;
    }

    private Mapper(Mapper shared) {
        this.connectionFactory = shared.connectionFactory;
        this.registry = shared.registry;
        this.dialect = shared.dialect;
        this.executor = shared.executor;
        this.schema = shared.schema;
        this.sessions = shared.sessions;
        this.budgets = shared.budgets;
        this.scopeKey = shared.scopeKey;
        this.independent = true;
        this.external = shared.external;
    }

    /**
     * Starts configuring a mapper.
     *
     * @param connectionFactory where sessions get their connections (pool it with r2dbc-pool)
     * @param registry          the frozen mapping
     * @return a builder with the defaults: dialect from the factory's metadata, fetch size from the dialect,
     *         30 seconds acquire timeout, no listeners
     * @throws dev.braid.error.MapperException {@code BRAID_ARGUMENT} when either argument is null
     */
    public static MapperBuilder builder(ConnectionFactory connectionFactory, MappingRegistry registry) {
        return new MapperBuilder(connectionFactory, registry);
    }

    /**
     * The mapping this mapper reads and writes.
     *
     * @return the registry
     */
    public MappingRegistry registry() { return registry; }

    /**
     * The dialect every statement is rendered for.
     *
     * @return the configured dialect, or the one chosen from the connection factory's metadata
     */
    public Dialect dialect() { return dialect; }

    // The budgets its sessions start with, and the key of the statement sink for its sessions.
    SessionBudgets budgets() { return budgets; }

    // The executor statements run on (wrapped for listeners and observers when there are any); for tests.
    dev.braid.reactive.internal.exec.StatementExecutor executor() { return executor; }

    /**
     * DDL from the mapping: create, create missing, drop, or print for a migration tool.
     *
     * @return the schema operations of this mapper (shared, stateless)
     */
    public Schema schema() { return schema; }

    /**
     * This mapper, for sessions that are meant to run inside another session's work: each opens its own
     * connection and its own transaction, which commits or rolls back independently of the outer one
     * (e.g. an audit record that must stay even when the outer work fails). Every nesting level holds
     * one more connection at once, so size the pool for it.
     *
     * @return a mapper sharing this one's configuration whose sessions may open inside other sessions' work
     */
    public Mapper independent() {
        return independent ? this : new Mapper(this);
    }

    /**
     * Runs {@code work} with a session on its own connection, without a surrounding transaction:
     * reads see committed data; each flush (explicit, automatic before a query, and at the end) is
     * its own transaction. The connection is released exactly once when the returned Flux
     * terminates or is cancelled.
     *
     * @param work what to do with the session; its publisher's values are the result
     * @param <T>  the type of values the work emits
     * @return the work's values; errors with {@code BRAID_NESTED_SESSION} inside another session's work on
     *         this mapper (see {@link #independent()}), {@code BRAID_CONNECTION_UNAVAILABLE} when no connection
     *         comes within the acquire timeout, or the work's or the final flush's error
     */
    public <T> Flux<T> withSession(Function<Session, ? extends Publisher<T>> work) {
        return joinedOr("mapper.withSession(...)", false, work, scoped("mapper.withSession(...)", Flux.usingWhen(
                sessions.open("mapper.withSession(...)", false, null),
                session -> Flux.defer(() -> Flux.from(work.apply(session))).concatWith(session.flushAtEnd()),
                DefaultSession::closeAfterSuccess,
                (session, error) -> session.closeAfterFailure(),
                DefaultSession::closeAfterFailure)));
    }

    /**
     * Runs {@code work} with a read-only session: reads as in {@link #withSession}, on a replica when the mapper has
     * replicas ({@link MapperBuilder#replicas}), never older than the subscriber's last write (its
     * {@link ReadYourWrites}, else this mapper's last commit): the read waits up to
     * {@link ReplicaOptions#readYourWritesWait()} for a replica to replay it, then runs on the primary. Without
     * replicas it runs on the primary. The session refuses writes: a flush with pending changes, a bulk update or
     * delete, an upsert or a raw write (also one read for its rows, such as {@code UPDATE ... RETURNING}) fails with
     * {@code BRAID_READ_ONLY}, and nothing is sent. Inside a transaction managed elsewhere
     * ({@link MapperBuilder#externalTransactions}) the work joins it, as {@link #withSession} does, so it sees that
     * transaction's writes; there it runs in the transaction's session, and its writes are not refused.
     *
     * @param work what to read with the session; its publisher's values are the result
     * @param <T>  the type of values the work emits
     * @return the work's values; errors as {@link #withSession}, or with {@code BRAID_READ_ONLY}
     */
    public <T> Flux<T> readOnly(Function<Session, ? extends Publisher<T>> work) {
        String operation = "mapper.readOnly(...)";
        return joinedOr(operation, false, work, scoped(operation, Flux.usingWhen(
                sessions.openReadOnly(operation),
                session -> Flux.defer(() -> Flux.from(work.apply(session))).concatWith(session.flushAtEnd()),
                DefaultSession::closeAfterSuccess,
                (session, error) -> session.closeAfterFailure(),
                DefaultSession::closeAfterFailure)));
    }

    /**
     * {@link #readOnly} for work that yields at most one value.
     *
     * @param work what to read with the session
     * @param <T>  the type of the value
     * @return the work's value, or empty; errors as {@link #readOnly}
     */
    public <T> Mono<T> readOnlyMono(Function<Session, Mono<T>> work) {
        return readOnly(work).singleOrEmpty();
    }

    /**
     * {@link #withSession} for work that yields at most one value.
     *
     * @param work what to do with the session
     * @param <T>  the type of the value
     * @return the work's value, or empty; errors as {@link #withSession}
     */
    public <T> Mono<T> withSessionMono(Function<Session, Mono<T>> work) {
        return withSession(work).singleOrEmpty();
    }

    /**
     * Runs {@code work} in one transaction: begun through R2DBC before {@code work} starts; pending
     * changes are flushed and the transaction committed when its publisher completes; rolled back when
     * it errors or is cancelled (a disconnecting client, {@code timeout}, {@code take}). The connection
     * is released exactly once in every case.
     * Where the dialect retries by default ({@link Dialect#defaultTransactionRetries()}: CockroachDB, YugabyteDB),
     * serialization failures are retried and the values buffered as with
     * {@link TransactionOptions#retrySerializationFailures(int)}.
     *
     * @param work what to do in the transaction; its publisher's values are the result
     * @param <T>  the type of values the work emits
     * @return the work's values; errors with {@code BRAID_NESTED_SESSION}, {@code BRAID_CONNECTION_UNAVAILABLE},
     *         the work's own error, or a flush or COMMIT failure ({@code BRAID_COMMIT_OUTCOME_UNKNOWN} when the
     *         connection broke during COMMIT), after rolling back
     */
    public <T> Flux<T> inTransaction(Function<Session, ? extends Publisher<T>> work) {
        // CockroachDB and YugabyteDB: serialization failures are routine, retried by default (values then buffered).
        return inTransaction(TransactionOptions.defaults().retrySerializationFailures(dialect.defaultTransactionRetries()),
                work);
    }

    /**
     * {@link #inTransaction(Function)} with an isolation level and retries of serialization failures.
     * Without retries the work's values stream to the subscriber as they come (and cancelling rolls
     * back). With retries they are buffered until COMMIT has succeeded: the subscriber receives only
     * the values of the attempt that committed, all at once after the commit, so {@code single()} and
     * {@code next()} see committed results only; use retries for work that yields small results.
     *
     * @param options the isolation level and retries
     * @param work    what to do in the transaction; run again from the start on each retry
     * @param <T>     the type of values the work emits
     * @return the work's values (of the committed attempt); errors as {@link #inTransaction(Function)}, or with
     *         the last serialization failure or deadlock once the retries are spent
     */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Session, ? extends Publisher<T>> work) {
        String operation = "mapper.inTransaction(...)";
        Flux<T> once = Flux.usingWhen(
                sessions.open(operation, true, options.isolation()),
                // BEGIN is the work's first step, so the scope's cleanup also covers a cancelled BEGIN; the
                // COMMIT is its last, so a failing commit is reported as the scope's own error (then
                // rolled back and released), not wrapped as a failed cleanup.
                session -> session.beginScope()
                        .thenMany(Flux.defer(() -> Flux.from(work.apply(session))))
                        .concatWith(session.flushAtEnd())
                        .concatWith(session.commitScope()),
                DefaultSession::release,
                (session, error) -> session.rollbackAndClose(),
                DefaultSession::rollbackAndClose);
        if (options.retries() == 0) {
            return joinedOr(operation, true, work, scoped(operation, once));
        }
        return joinedOr(operation, true, work, scoped(operation, TransactionRetries.retried(once, options, dialect)));
    }

    /**
     * Inside a transaction managed elsewhere ({@link MapperBuilder#externalTransactions}), runs {@code work} in
     * that transaction's session; otherwise {@code own}. Independent mappers never join. A {@code boundary}
     * (inTransaction) that fails or is cancelled makes the managed transaction roll back.
     */
    private <T> Flux<T> joinedOr(String operation, boolean boundary, Function<Session, ? extends Publisher<T>> work,
                                 Flux<T> own) {
        ExternalTransactions transactions = external;
        if (transactions == null || independent) {
            return own;
        }
        return transactions.join(connectionFactory, scopeKey, sessions::joined)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMapMany(joined -> joined.isPresent()
                        ? sessions.observed(operation, joined.get().run(work, boundary ? operation : null)) : own);
    }

    /**
     * {@link #inTransaction(Function)} for work that yields at most one value.
     *
     * @param work what to do in the transaction
     * @param <T>  the type of the value
     * @return the work's value, or empty; errors as {@link #inTransaction(Function)}
     */
    public <T> Mono<T> inTransactionMono(Function<Session, Mono<T>> work) {
        return inTransaction(work).singleOrEmpty();
    }

    /**
     * {@link #inTransaction(TransactionOptions, Function)} for work that yields at most one value.
     *
     * @param options the isolation level and retries
     * @param work    what to do in the transaction
     * @param <T>     the type of the value
     * @return the work's value, or empty; errors as {@link #inTransaction(TransactionOptions, Function)}
     */
    public <T> Mono<T> inTransactionMono(TransactionOptions options, Function<Session, Mono<T>> work) {
        return inTransaction(options, work).singleOrEmpty();
    }


    /**
     * Runs {@code scope} with this mapper's context key set to {@code operation}, after checking the
     * subscriber's context: a key already there means this session would open inside another one's work.
     */
    private <T> Flux<T> scoped(String operation, Flux<T> scope) {
        return Flux.deferContextual(context -> {
            if (!independent && context.hasKey(scopeKey)) {
                String outer = context.get(scopeKey);
                return Flux.<T>error(new NestedSessionException(operation + " was called inside the work of " + outer
                        + " on the same Mapper: the inner session needs a second connection while the outer one holds"
                        + " the first, which deadlocks once every pooled connection is held by an outer session. Fix:"
                        + " use the session the outer work already has (pass it down), or, for work that must commit"
                        + " on its own, call mapper.independent()." + operation.substring("mapper.".length())));
            }
            return sessions.observed(operation, scope).contextWrite(c -> c.put(scopeKey, operation));
        });
    }
}
