package dev.braid.reactive;

import dev.braid.core.internal.hydrate.RowView;
import dev.braid.core.internal.meta.EntityMapping;
import dev.braid.core.internal.plan.load.LoadNode;
import dev.braid.core.internal.plan.raw.EntityColumns;
import dev.braid.core.internal.plan.raw.RawStatement;
import dev.braid.core.internal.plan.raw.RawTarget;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.LoadOption;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The rows of a raw statement mapped to a target type or through a function; immutable. */
final class DefaultRawResult<R> implements RawResult<R> {
    private final SessionSql session;
    private final RawStatement statement;
    private final RawTarget target; // null when mapped by function
    private final Function<ResultRow, ? extends R> function;
    private final List<LoadOption> options;

    DefaultRawResult(SessionSql session, RawStatement statement, RawTarget target,
                     Function<ResultRow, ? extends R> function, List<LoadOption> options) {
        this.session = session;
        this.statement = statement;
        this.target = target;
        this.function = function;
        this.options = List.copyOf(options);
    }

    @Override
    public RawResult<R> options(LoadOption... more) {
        if (!(target instanceof EntityColumns)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, "options(...) loads relationships of entities, but the"
                    + " rows of " + statement.quoted() + " are mapped to " + (target == null ? "a function"
                    : target.type().getSimpleName()) + ". Fix: mapTo(AnEntity.class) first");
        }
        List<LoadOption> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return new DefaultRawResult<>(session, statement, target, function, all);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Flux<R> all() {
        return (Flux<R>) session.all(statement, this::plan);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<R> one() {
        return (Mono<R>) session.single(statement, this::plan, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<R> first() {
        return (Mono<R>) session.single(statement, this::plan, false);
    }

    @Override
    public RenderedSql sql() {
        return session.render(statement, entity());
    }

    private EntityMapping entity() {
        return target instanceof EntityColumns e ? e.mapping() : null;
    }

    /** What a run needs; rendered (and checked) before anything is sent. */
    private RawSqlRunner.Plan plan(RawSqlRunner runner) {
        EntityMapping entity = entity();
        RenderedSql sql = session.render(statement, entity);
        List<LoadNode> loads = entity == null ? List.of() : session.planner().loads().plan(entity, options);
        String quoted = statement.quoted();
        return new RawSqlRunner.Plan(sql, () -> target != null ? RawTarget.lazyReader(target, runner.hydrator(), quoted)
                : byFunction(quoted), entity, loads);
    }

    private Function<RowView, Object> byFunction(String quoted) {
        DefaultResultRow row = new DefaultResultRow(quoted);
        return view -> {
            Object value = function.apply(row.at(view));
            if (value == null) {
                throw new MapperException(ErrorCode.BRAID_QUERY, "The function given to map(...) returned null for a"
                        + " row of " + quoted + ", and a stream cannot hold null. Fix: return a value (e.g. an Optional)");
            }
            return value;
        };
    }
}
