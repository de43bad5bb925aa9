package dev.braid.reactive;

import dev.braid.core.internal.util.Require;
import dev.braid.error.ErrorCode;
import dev.braid.error.MapperException;
import dev.braid.query.Query;
import dev.braid.query.Relation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * A page with the total count, as two statements on the session: the page's SELECT, then
 * {@code SELECT COUNT(*)} over the same filter (and joins) without paging or seek.
 */
final class Pages {
    private Pages() {}

    /** Page {@code number} (from 0) of {@code size} results, by LIMIT/OFFSET. */
    static <T> Mono<Page<T>> byNumber(Query<T> query, long number, int size, Function<Query<T>, Flux<T>> run,
                                      Function<Query<T>, Mono<Long>> count) {
        return Mono.defer(() -> {
            Require.argument(number >= 0, "page(number, size) takes a number >= 0 (the first page is 0), was " + number);
            Require.argument(size >= 1, "page(number, size) takes a size >= 1, was " + size);
            refusePaging(query, "page(number, size)", true);
            long offset = Math.multiplyExact(number, (long) size);
            return page(query.limit(size).offset(offset), query, size, run, count);
        });
    }

    /** The next {@code size} results (after the query's seek, if any). */
    static <T> Mono<Page<T>> next(Query<T> query, int size, Function<Query<T>, Flux<T>> run,
                                  Function<Query<T>, Mono<Long>> count) {
        return Mono.defer(() -> {
            Require.argument(size >= 1, "pageWithTotal(size) takes a size >= 1, was " + size);
            refusePaging(query, "pageWithTotal(size)", false);
            return page(query.limit(size), query, size, run, count);
        });
    }

    private static <T> Mono<Page<T>> page(Query<T> items, Query<T> query, int size, Function<Query<T>, Flux<T>> run,
                                          Function<Query<T>, Mono<Long>> count) {
        return run.apply(items).collectList()
                .flatMap(list -> count.apply(filterOnly(query)).map(total -> new Page<>(list, total, size)));
    }

    private static void refusePaging(Query<?> query, String method, boolean seekToo) {
        if (query.limit() != null || query.offset() != null || (seekToo && query.seek() != null)) {
            throw new MapperException(ErrorCode.BRAID_QUERY, method + " on " + query.entityType().getSimpleName()
                    + " sets the page's " + (seekToo ? "limit and offset" : "limit") + " itself, but the query has "
                    + (query.seek() != null && seekToo ? "seekAfter(...)" : "limit/offset") + ". Fix: remove them"
                    + (seekToo ? "; for keyset pages use seekAfter(last).pageWithTotal(size)" : ""));
        }
    }

    /** The query's joins and filter alone: what COUNT(*) counts. */
    private static <T> Query<T> filterOnly(Query<T> query) {
        Query<T> base = Query.from(query.entityType());
        for (Relation<?, ?> join : query.joins()) base = base.join(join);
        return query.where() == null ? base : base.where(query.where());
    }
}
