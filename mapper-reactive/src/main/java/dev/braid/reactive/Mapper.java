package dev.braid.reactive;

import dev.braid.core.meta.MappingRegistry;
import dev.braid.core.plan.load.QueryPlanner;
import dev.braid.core.plan.schema.SchemaPlanner;
import dev.braid.core.sql.SqlRenderer;
import dev.braid.core.sql.dialect.Dialect;
import dev.braid.reactive.exec.StatementExecutor;
import dev.braid.reactive.flush.FlushExecutor;
import io.r2dbc.spi.ConnectionFactory;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Objects;
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
 */
public final class Mapper {
    private final ConnectionFactory connectionFactory;
    private final MappingRegistry registry;
    private final Dialect dialect;
    private final QueryPlanner planner;
    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final FlushExecutor flushExecutor;
    private final Schema schema;

    private Mapper(Builder builder) {
        this.connectionFactory = builder.connectionFactory;
        this.registry = builder.registry;
        this.dialect = builder.dialect != null ? builder.dialect
                : Dialect.forProductName(connectionFactory.getMetadata().getName());
        this.planner = new QueryPlanner(registry, dialect);
        this.renderer = new SqlRenderer(dialect);
        this.executor = new StatementExecutor(builder.fetchSize >= 0 ? builder.fetchSize : dialect.defaultFetchSize());
        this.flushExecutor = new FlushExecutor(executor);
        this.schema = new DefaultSchema(connectionFactory, new SchemaPlanner(registry, dialect), executor);
    }

    public static Builder builder(ConnectionFactory connectionFactory, MappingRegistry registry) {
        return new Builder(connectionFactory, registry);
    }

    public MappingRegistry registry() { return registry; }

    public Dialect dialect() { return dialect; }

    /** DDL from the mapping: create, create missing, drop, or print for a migration tool. */
    public Schema schema() { return schema; }

    /**
     * Runs {@code work} with a session on its own connection, without a surrounding transaction:
     * reads see committed data; each flush (explicit, automatic before a query, and at the end) is
     * its own transaction. The connection is released exactly once when the returned Flux
     * terminates or is cancelled.
     */
    public <T> Flux<T> withSession(Function<Session, ? extends Publisher<T>> work) {
        return Flux.usingWhen(
                open(false),
                session -> Flux.defer(() -> Flux.from(work.apply(session))).concatWith(session.flushAtEnd()),
                DefaultSession::closeAfterSuccess,
                (session, error) -> session.closeAfterFailure(),
                DefaultSession::closeAfterFailure);
    }

    /** {@link #withSession} for work that yields at most one value. */
    public <T> Mono<T> withSessionMono(Function<Session, Mono<T>> work) {
        return withSession(work).singleOrEmpty();
    }

    /**
     * Runs {@code work} in one transaction: begun through R2DBC before {@code work} starts; pending
     * changes are flushed and the transaction committed when its publisher completes; rolled back when
     * it errors or is cancelled (a disconnecting client, {@code timeout}, {@code take}). The connection
     * is released exactly once in every case.
     */
    public <T> Flux<T> inTransaction(Function<Session, ? extends Publisher<T>> work) {
        return inTransaction(TransactionOptions.defaults(), work);
    }

    /** {@link #inTransaction(Function)} with an isolation level and retries of serialization failures. */
    public <T> Flux<T> inTransaction(TransactionOptions options, Function<Session, ? extends Publisher<T>> work) {
        Flux<T> once = Flux.usingWhen(
                open(true, options),
                // The COMMIT is the work's last step, so a failing commit is reported as the scope's own
                // error (then rolled back and released), not wrapped as a failed cleanup.
                session -> Flux.defer(() -> Flux.from(work.apply(session)))
                        .concatWith(session.flushAtEnd())
                        .concatWith(session.commitScope()),
                DefaultSession::release,
                (session, error) -> session.rollbackAndClose(),
                DefaultSession::rollbackAndClose);
        if (options.retries() == 0) {
            return once;
        }
        return once.retryWhen(reactor.util.retry.Retry.backoff(options.retries(), options.backoff())
                .filter(Mapper::isSerializationFailure)
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private static boolean isSerializationFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof dev.braid.core.error.DatabaseException db
                    && ("40001".equals(db.sqlState()) || "40P01".equals(db.sqlState()))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #inTransaction} for work that yields at most one value. */
    public <T> Mono<T> inTransactionMono(Function<Session, Mono<T>> work) {
        return inTransaction(work).singleOrEmpty();
    }

    private Mono<DefaultSession> open(boolean transactional) {
        return open(transactional, TransactionOptions.defaults());
    }

    private Mono<DefaultSession> open(boolean transactional, TransactionOptions options) {
        return Mono.from(connectionFactory.create()).flatMap(connection -> {
            DefaultSession session = new DefaultSession(connection, registry, planner, renderer, executor,
                    flushExecutor, transactional);
            if (!transactional) {
                return Mono.just(session);
            }
            io.r2dbc.spi.TransactionDefinition definition = options.isolation() == null ? null
                    : io.r2dbc.spi.IsolationLevel.class.cast(options.isolation());
            return Mono.from(definition == null ? connection.beginTransaction() : connection.beginTransaction(definition))
                    .onErrorMap(e -> dev.braid.reactive.exec.ErrorTranslator.translate(e, "BEGIN"))
                    .thenReturn(session)
                    .onErrorResume(e -> Mono.from(connection.close()).onErrorResume(x -> Mono.empty()).then(Mono.error(e)));
        });
    }

    /** Configuration for a {@link Mapper}. */
    public static final class Builder {
        private final ConnectionFactory connectionFactory;
        private final MappingRegistry registry;
        private Dialect dialect;
        private int fetchSize = -1;

        private Builder(ConnectionFactory connectionFactory, MappingRegistry registry) {
            this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory");
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /** The SQL dialect; by default chosen from the connection factory's metadata (H2 or PostgreSQL). */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * Rows the driver fetches per round trip for root queries (default 0: the whole result in one
         * go). A fetch size lets a cancelled {@code all()} stop after the current batch, at the price of
         * extra round trips on every query; {@code stream()} is the bounded form for large results.
         */
        public Builder fetchSize(int fetchSize) {
            if (fetchSize < 0) throw new IllegalArgumentException("fetchSize must be >= 0");
            this.fetchSize = fetchSize;
            return this;
        }

        public Mapper build() {
            return new Mapper(this);
        }
    }
}
