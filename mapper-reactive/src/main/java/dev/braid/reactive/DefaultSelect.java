package dev.braid.reactive;

import dev.braid.error.ErrorCode;
import dev.braid.error.ResultException;
import dev.braid.query.Assignment;
import dev.braid.query.LoadOption;
import dev.braid.query.Order;
import dev.braid.query.Relation;
import dev.braid.query.Predicate;
import dev.braid.query.Query;
import dev.braid.statement.RenderedSql;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Arrays;

/** An immutable query bound to its session. */
final class DefaultSelect<T> implements Select<T> {
    private final SessionQueries session;
    private final Query<T> query;
    private final boolean readOnly;

    DefaultSelect(SessionQueries session, Query<T> query) {
        this(session, query, false);
    }

    private DefaultSelect(SessionQueries session, Query<T> query, boolean readOnly) {
        this.session = session;
        this.query = query;
        this.readOnly = readOnly;
    }

    @Override
    public Select<T> where(Predicate predicate) {
        return new DefaultSelect<>(session, query.where(predicate), readOnly);
    }

    @Override
    public Select<T> orderBy(Order... terms) {
        return new DefaultSelect<>(session, query.orderBy(terms), readOnly);
    }

    @Override
    public Select<T> options(LoadOption... options) {
        return new DefaultSelect<>(session, query.options(options), readOnly);
    }

    @Override
    public Select<T> join(Relation<?, ?> relation) {
        return new DefaultSelect<>(session, query.join(relation), readOnly);
    }

    @Override
    public Select<T> limit(long limit) {
        return new DefaultSelect<>(session, query.limit(limit), readOnly);
    }

    @Override
    public Select<T> offset(long offset) {
        return new DefaultSelect<>(session, query.offset(offset), readOnly);
    }

    @Override
    public Select<T> seekAfter(T lastRow) {
        return new DefaultSelect<>(session, query.seekAfter(lastRow), readOnly);
    }

    @Override
    public Select<T> seekAfterValues(Object... orderValues) {
        return new DefaultSelect<>(session, query.seekAfterValues(orderValues), readOnly);
    }

    @Override
    public Select<T> readOnly() {
        return new DefaultSelect<>(session, query, true);
    }

    @Override
    public Query<T> query() {
        return query;
    }

    @Override
    public RenderedSql sql() {
        return session.planner().select(query).sql();
    }

    @Override
    public Flux<T> all() {
        return run(query);
    }

    private Flux<T> run(Query<T> q) {
        return readOnly ? session.streamReadOnly(q) : session.stream(q);
    }

    @Override
    public Flux<T> stream(int window) {
        return session.streamWindows(query, window);
    }

    @Override
    public Flux<T> stream() {
        return stream(session.planner().dialect().defaultStreamWindow());
    }

    @Override
    public Mono<T> one() {
        // Two rows are enough to tell "exactly one" from "more than one" without reading them all.
        Query<T> probe = query.limit(query.limit() == null ? 2 : Math.min(2, query.limit()));
        return run(probe).collectList().flatMap(rows -> {
            if (rows.isEmpty()) {
                return Mono.error(new ResultException(ErrorCode.BRAID_NO_RESULT, "one() found no "
                        + query.entityType().getSimpleName() + " for: " + sql().sql()
                        + ". Fix: use first() when no row is a normal outcome"));
            }
            if (rows.size() > 1) {
                return Mono.error(new ResultException(ErrorCode.BRAID_NON_UNIQUE_RESULT, "one() found more than one "
                        + query.entityType().getSimpleName() + " for: " + sql().sql()
                        + ". Fix: narrow the filter, or use first() with an orderBy"));
            }
            return Mono.just(rows.get(0));
        });
    }

    @Override
    public Mono<T> first() {
        Query<T> probe = query.limit(query.limit() == null ? 1 : Math.min(1, query.limit()));
        return run(probe).singleOrEmpty();
    }

    @Override
    public Mono<Long> delete() {
        return session.bulkDelete(query);
    }

    @Override
    public Mono<Long> update(Assignment... assignments) {
        return session.bulkUpdate(query, assignments == null ? null : Arrays.asList(assignments));
    }

    @Override
    public RenderedSql updateSql(Assignment... assignments) {
        return session.updateSql(query, assignments == null ? null : Arrays.asList(assignments));
    }

    @Override
    public Mono<Page<T>> page(long number, int size) {
        return Pages.byNumber(query, number, size, this::run, session::count);
    }

    @Override
    public Mono<Page<T>> pageWithTotal(int size) {
        return Pages.next(query, size, this::run, session::count);
    }

    @Override
    public Mono<Long> count() {
        return session.count(query);
    }

    @Override
    public Mono<Boolean> exists() {
        return session.exists(query);
    }
}
