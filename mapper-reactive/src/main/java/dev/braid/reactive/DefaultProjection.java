package dev.braid.reactive;

import dev.braid.core.internal.hydrate.ProjectionRows;
import dev.braid.error.ErrorCode;
import dev.braid.error.ResultException;
import dev.braid.query.CommonTable;
import dev.braid.query.Order;
import dev.braid.query.Predicate;
import dev.braid.query.ProjectionQuery;
import dev.braid.query.Relation;
import dev.braid.query.Selection;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An immutable projection bound to its session. */
final class DefaultProjection<R> implements Projection<R> {
    private final SessionQueries session;
    private final ProjectionQuery<R> query;

    DefaultProjection(SessionQueries session, ProjectionQuery<R> query) {
        this.session = session;
        this.query = query;
    }

    private <X> Projection<X> with(ProjectionQuery<X> refined) {
        return new DefaultProjection<>(session, refined);
    }

    @Override
    public Projection<R> from(Class<?> entity) { return with(query.from(entity)); }

    @Override
    public Projection<R> from(CommonTable<?> table) { return with(query.from(table)); }

    @Override
    public Projection<R> join(Relation<?, ?> relation) { return with(query.join(relation)); }

    @Override
    public Projection<R> leftJoin(Relation<?, ?> relation) { return with(query.leftJoin(relation)); }

    @Override
    public Projection<R> join(Class<?> entity, Predicate on) { return with(query.join(entity, on)); }

    @Override
    public Projection<R> leftJoin(Class<?> entity, Predicate on) { return with(query.leftJoin(entity, on)); }

    @Override
    public Projection<R> join(CommonTable<?> table, Predicate on) { return with(query.join(table, on)); }

    @Override
    public Projection<R> leftJoin(CommonTable<?> table, Predicate on) { return with(query.leftJoin(table, on)); }

    @Override
    public Projection<R> where(Predicate predicate) { return with(query.where(predicate)); }

    @Override
    public Projection<R> groupBy(Selection<?>... terms) { return with(query.groupBy(terms)); }

    @Override
    public Projection<R> having(Predicate predicate) { return with(query.having(predicate)); }

    @Override
    public Projection<R> distinct() { return with(query.distinct()); }

    @Override
    public Projection<R> orderBy(Order... terms) { return with(query.orderBy(terms)); }

    @Override
    public Projection<R> limit(long limit) { return with(query.limit(limit)); }

    @Override
    public Projection<R> offset(long offset) { return with(query.offset(offset)); }

    @Override
    public Projection<R> union(ProjectionQuery<R> other) { return with(query.union(other)); }

    @Override
    public Projection<R> unionAll(ProjectionQuery<R> other) { return with(query.unionAll(other)); }

    @Override
    public Projection<R> intersect(ProjectionQuery<R> other) { return with(query.intersect(other)); }

    @Override
    public Projection<R> except(ProjectionQuery<R> other) { return with(query.except(other)); }

    @Override
    public <X> Projection<X> into(Class<X> recordType) { return with(query.into(recordType)); }

    @Override
    public ProjectionQuery<R> query() { return query; }

    @Override
    public RenderedSql sql() {
        return session.projections().plan(query).sql();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Flux<R> all() {
        return session.project(query).filter(row -> row != ProjectionRows.NULL).map(row -> (R) row);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<R> one() {
        // Two rows tell "exactly one" from "more than one" without reading them all.
        ProjectionQuery<R> probe = query.limit(query.limit() == null ? 2 : Math.min(2, query.limit()));
        return session.project(probe).collectList().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Mono.error(new ResultException(ErrorCode.BRAID_NO_RESULT, "one() found no row for: "
                        + sql().sql() + ". Fix: use first() when no row is a normal outcome"));
            }
            if (rows.size() > 1) {
                return Mono.error(new ResultException(ErrorCode.BRAID_NON_UNIQUE_RESULT, "one() found more than one row"
                        + " for: " + sql().sql() + ". Fix: narrow the filter, or use first() with an orderBy"));
            }
            Object row = rows.get(0);
            return row == ProjectionRows.NULL ? Mono.empty() : Mono.just((R) row);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<R> first() {
        ProjectionQuery<R> probe = query.limit(query.limit() == null ? 1 : Math.min(1, query.limit()));
        return session.project(probe).next().filter(row -> row != ProjectionRows.NULL).map(row -> (R) row);
    }
}
