package dev.braid.reactive;

import dev.braid.core.internal.plan.raw.RawStatement;
import dev.braid.core.internal.plan.raw.RawTarget;
import dev.braid.core.internal.util.Require;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Function;

/** An immutable raw SQL statement bound to its session. */
final class DefaultRawSql implements RawSql {
    private final SessionSql session;
    private final RawStatement statement;

    DefaultRawSql(SessionSql session, RawStatement statement) {
        this.session = session;
        this.statement = statement;
    }

    @Override
    public RawSql bind(String name, Object value) {
        return new DefaultRawSql(session, statement.bind(name, value));
    }

    @Override
    public RawSql bind(int index, Object value) {
        return new DefaultRawSql(session, statement.bind(index, value));
    }

    @Override
    public RawSql bindNull(String name, Class<?> type) {
        return new DefaultRawSql(session, statement.bindNull(name, type));
    }

    @Override
    public RawSql bindNull(int index, Class<?> type) {
        return new DefaultRawSql(session, statement.bindNull(index, type));
    }

    @Override
    public <R> RawResult<R> mapTo(Class<R> type) {
        return new DefaultRawResult<>(session, statement, RawTarget.of(session.registry(), type), null, List.of());
    }

    @Override
    public <R> RawResult<R> map(Function<ResultRow, ? extends R> mapper) {
        return new DefaultRawResult<>(session, statement, null, Require.nonNull(mapper, "mapper"), List.of());
    }

    @Override
    public Mono<Long> execute() {
        return session.execute(statement);
    }

    @Override
    public RenderedSql sql() {
        return session.render(statement, null);
    }
}
