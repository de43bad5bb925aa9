package dev.braid.reactive;

import dev.braid.core.internal.plan.schema.SchemaPlanner;
import dev.braid.statement.RenderedSql;
import dev.braid.statement.StatementOrigin;
import dev.braid.reactive.internal.exec.StatementExecutor;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** Runs the schema planner's DDL, statement after statement, on one connection. */
final class DefaultSchema implements Schema {
    private final ConnectionSource connections;
    private final SchemaPlanner planner;
    private final StatementExecutor executor;
    private final Runnable replaced;

    DefaultSchema(ConnectionSource connections, SchemaPlanner planner, StatementExecutor executor) {
        this(connections, planner, executor, () -> { });
    }

    /** @param replaced called after createAll and dropAll, which restart the sequences */
    DefaultSchema(ConnectionSource connections, SchemaPlanner planner, StatementExecutor executor, Runnable replaced) {
        this.replaced = replaced;
        this.connections = connections;
        this.planner = planner;
        this.executor = executor;
    }

    @Override
    public Mono<Void> createAll() {
        return run(planner.create(false)).doOnSuccess(v -> replaced.run());
    }

    @Override
    public Mono<Void> createMissing() {
        return run(planner.create(true));
    }

    @Override
    public Mono<Void> dropAll() {
        return run(planner.drop()).doOnSuccess(v -> replaced.run());
    }

    @Override
    public List<String> createStatements() {
        return planner.create(false).stream().map(RenderedSql::sql).toList();
    }

    @Override
    public List<String> dropStatements() {
        return planner.drop().stream().map(RenderedSql::sql).toList();
    }

    @Override
    public String createScript() {
        return planner.createScript(false);
    }

    private Mono<Void> run(List<RenderedSql> statements) {
        return Mono.usingWhen(
                connections.acquire("mapper.schema()"),
                // One transaction: on PostgreSQL a failed createAll leaves no half-built schema
                // (H2 commits DDL implicitly, so there it is statement by statement).
                (Connection connection) -> Mono.from(connection.beginTransaction())
                        .onErrorMap(e -> executor.errors().exception(e, "BEGIN"))
                        .thenMany(Flux.fromIterable(statements).concatMap(sql -> executor.execute(connection, sql.withOrigin(StatementOrigin.of(StatementOrigin.Kind.SCHEMA)))))
                        .then(Mono.defer(() -> Mono.from(connection.commitTransaction()))
                                .onErrorMap(e -> executor.errors().exception(e, "COMMIT"))),
                Connection::close,
                (connection, error) -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(e -> Mono.empty())
                        .then(Mono.defer(() -> Mono.from(connection.close()))),
                connection -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(e -> Mono.empty())
                        .then(Mono.defer(() -> Mono.from(connection.close()))));
    }
}
