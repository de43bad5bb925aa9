package dev.braid.reactive;

import org.jspecify.annotations.Nullable;

import dev.braid.core.internal.plan.load.QueryPlanner;
import dev.braid.core.internal.sql.SqlRenderer;
import dev.braid.dialect.Dialect;
import dev.braid.mapping.MappingRegistry;
import dev.braid.reactive.internal.exec.StatementExecutor;
import dev.braid.reactive.internal.exec.WorkObserver;
import dev.braid.reactive.internal.flush.FlushExecutor;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes a mapper's sessions: on a connection of their own (with or without a transaction of Braid's), or
 * on the connection of a transaction managed elsewhere; and wraps a session's scope in its observation
 * when the mapper has observers. Shared by a mapper and its {@link Mapper#independent()} view.
 */
final class SessionFactory {
    private final MappingRegistry registry;
    private final Dialect dialect;
    private final QueryPlanner planner;
    private final SqlRenderer renderer;
    private final StatementExecutor executor;
    private final FlushExecutor flushExecutor;
    private final ConnectionSource connections;
    private final SessionHooks hooks;
    private final SessionBudgets budgets;
    private final @Nullable ReplicaReads replicas;

    SessionFactory(MappingRegistry registry, Dialect dialect, StatementExecutor executor, ConnectionSource connections,
                   java.time.Clock clock, java.util.List<EntityEvents.Registration> listeners, SessionBudgets budgets,
                   @Nullable ReplicaReads replicas) {
        this.replicas = replicas;
        this.registry = registry;
        this.dialect = dialect;
        this.planner = new QueryPlanner(registry, dialect);
        this.renderer = new SqlRenderer(dialect);
        this.executor = executor;
        this.flushExecutor = new FlushExecutor(executor);
        this.connections = connections;
        this.hooks = SessionHooks.of(registry, clock, listeners, renderer, executor, replicas);
        this.budgets = budgets;
    }

    /**
     * A session on a connection of its own, released by the caller's scope, with the statement budget of the
     * subscriber's context or the mapper's default.
     */
    Mono<DefaultSession> open(String operation, boolean transactional, @Nullable IsolationLevel isolation) {
        return Mono.deferContextual(context -> connections.acquire(operation).map(connection -> {
            DefaultSession session = new DefaultSession(connection, registry, planner, renderer, executor,
                    flushExecutor, transactional, false, new TransactionControl(connection, executor, dialect, isolation),
                    hooks);
            session.adoptBudget(budgets.meterFor(context));
            return session;
        }));
    }

    /**
     * A read-only session (writes refused, unsent) without a transaction: on a replica that has replayed the
     * subscriber's last write when the mapper has replicas, else (or when none can serve it in time) on the primary.
     */
    Mono<DefaultSession> openReadOnly(String operation) {
        Mono<Connection> primary = connections.acquire(operation);
        Mono<Connection> connection = replicas == null ? primary : replicas.connection(operation, primary);
        return Mono.deferContextual(context -> connection.map(c -> {
            DefaultSession session = new DefaultSession(c, registry, planner, renderer, executor, flushExecutor, false,
                    false, new TransactionControl(c, executor, dialect, null), hooks).readOnly();
            session.adoptBudget(budgets.meterFor(context));
            return session;
        }));
    }

    /**
     * The session of an external transaction: on its connection, no BEGIN/COMMIT/ROLLBACK of its own; its budget
     * comes from the context of the first work run in it.
     */
    JoinedSession joined(Connection connection) {
        return new JoinedSession(new DefaultSession(connection, registry, planner, renderer, executor, flushExecutor,
                true, true, new TransactionControl(connection, executor, dialect, null), hooks), budgets);
    }

    /** The mapper's schema dropped or recreated the tables and sequences: drawn sequence key blocks are void. */
    void schemaReplaced() {
        hooks.sequences().clear();
    }

    /** With observers the scope is one unit of work that what runs in it nests under; without, nothing is wrapped. */
    <T> Flux<T> observed(String operation, Flux<T> scope) {
        WorkObserver work = executor.work();
        return work == null ? scope : work.session(operation.startsWith("mapper.inTransaction"), scope);
    }
}
